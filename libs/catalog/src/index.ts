// Catalog: artists' tracks and their audio (splits and fingerprints come next).
export type { Track } from './repositories/tracks-repository';
export * as tracksRepository from './repositories/tracks-repository';
export * from './services/track-service';
