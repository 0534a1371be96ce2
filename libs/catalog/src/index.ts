// Catalog: artists' tracks and their audio, contributors and splits, and the
// tracks' fingerprints (the store of record the matchers load).
export type { Track, TrackStatus, TrackDetails } from './repositories/tracks-repository';
export type { Contributor } from './repositories/contributors-repository';
export type { Split, SplitRole, SplitSet } from './repositories/splits-repository';
export { SPLIT_ROLES } from './repositories/splits-repository';
export { TRACK_STATUSES } from './repositories/tracks-repository';
export * as tracksRepository from './repositories/tracks-repository';
export * as contributorsRepository from './repositories/contributors-repository';
export * as splitsRepository from './repositories/splits-repository';
export * as fingerprintsRepository from './repositories/fingerprints-repository';
export * from './services/track-service';
export * from './services/split-service';
export * from './services/account-lookup';
export * from './rules/isrc';
export * from './rules/split-shares';
export * from './services/fingerprint-service';
export * from './services/fingerprint-index';
export * from './services/audio-reader';
export * from './rules/audio-failure';
export * from './services/library-index-service';
export * from './services/track-audio';
