// Detections and plays as the API and the live socket send them (libs/contracts'
// shapes: ISO dates, seconds, the API's detection states). One mapping for both,
// so a page loaded over HTTP and a message pushed live never disagree.
import type { Detection as DetectionBody, DetectionState, Play as PlayBody } from '@zamio/contracts';
import type { Detection, DetectionReview } from '../repositories/detections-repository';
import type { Play } from '../repositories/plays-repository';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The database's review words → the API's detection states. */
export const detectionStateOf = (review: DetectionReview): DetectionState =>
  review === 'unreviewed' ? 'detected' : review;

export const detectionWire = (detection: Detection): DetectionBody => ({
  id: detection.id,
  captureId: detection.captureId,
  stationId: detection.stationId,
  trackId: detection.trackId,
  trackTitle: detection.trackTitle,
  startedAt: detection.startedAt.toISOString(),
  durationSeconds: detection.durationMs / 1000,
  offsetSeconds: detection.trackOffsetMs / 1000,
  confidence: detection.confidence,
  state: detectionStateOf(detection.review),
  reviewedAt: iso(detection.reviewedAt),
  playId: detection.playId,
  createdAt: detection.createdAt.toISOString(),
});

export const playWire = (play: Play, detectionIds: string[]): PlayBody => ({
  id: play.id,
  stationId: play.stationId,
  stationName: play.stationName,
  trackId: play.trackId,
  trackTitle: play.trackTitle,
  startedAt: play.startedAt.toISOString(),
  endedAt: play.endedAt.toISOString(),
  durationSeconds: play.durationMs / 1000,
  offsetSeconds: play.trackOffsetMs / 1000,
  confidence: play.confidence,
  status: play.status,
  detectionIds,
  version: play.version,
  updatedAt: play.updatedAt.toISOString(),
});
