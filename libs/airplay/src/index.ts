// Airplay: stations and their streams, captures, detections, plays, playlogs.
export type { Capture, CaptureStatus } from './repositories/captures-repository';
export type { Detection, DetectionReview } from './repositories/detections-repository';
export type { Play, PlayStatus } from './repositories/plays-repository';
export type { Playlog, PlaylogEntry } from './repositories/playlogs-repository';
export type { Station, StationClass } from './repositories/stations-repository';
export type { StationStream } from './repositories/streams-repository';
export * as stationsRepository from './repositories/stations-repository';
export * as streamsRepository from './repositories/streams-repository';
export * as capturesRepository from './repositories/captures-repository';
export * as detectionsRepository from './repositories/detections-repository';
export * as playsRepository from './repositories/plays-repository';
export * as playlogsRepository from './repositories/playlogs-repository';
export * from './rules/chunk-id';
export * from './services/capture-service';
export * from './services/station-provisioning';
export * from './services/capture-audio';
