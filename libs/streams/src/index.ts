export {
  recordStream,
  type RecordStreamOptions,
  type StreamRecording,
  type IcyInfo,
  type StreamTimings,
} from './record-stream.ts';
export {
  StreamRecordError,
  STREAM_RECORD_FAILURES,
  isStreamFailure,
  type StreamRecordFailure,
  type TimeoutPhase,
} from './stream-record-error.ts';
export { IcyMetadataDemuxer, parseIcyMetadata, type IcyChunk } from './icy-metadata.ts';
export { isPublicAddress } from './address-guard.ts';
export type { StreamCodec } from './stream-codec.ts';
export {
  recordStreamCheck,
  streamHealthFromChecks,
  DEFAULT_STREAM_HEALTH_THRESHOLDS,
  NEW_STREAM_HEALTH,
  type StreamHealth,
  type StreamHealthChange,
  type StreamHealthThresholds,
  type StreamState,
} from './stream-health.ts';
export { checkStreamAddress, type CheckStreamAddressOptions } from './check-stream-address.ts';
