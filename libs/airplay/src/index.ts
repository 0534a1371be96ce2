// Airplay: stations, their captures and playlogs (detections and plays come next).
export type { Capture } from './repositories/captures-repository';
export * as stationsRepository from './repositories/stations-repository';
export * as capturesRepository from './repositories/captures-repository';
export * from './rules/chunk-id';
export * from './services/capture-service';
export * from './services/station-provisioning';
