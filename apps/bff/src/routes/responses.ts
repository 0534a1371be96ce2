// Domain records → the API's response shapes (libs/contracts): ISO dates,
// only the fields a client may see (never a password hash).
import type { Account, Device } from '@zamio/accounts';
import {
  detectionStateOf,
  detectionWire,
  playWire,
  type Capture,
  type Detection,
  type DetectionReview,
  type PlayWithEvidence,
  type StationListing,
} from '@zamio/airplay';
import type { SplitSet, Track, TrackSplits } from '@zamio/catalog';
import type {
  AdminStation as AdminStationBody,
  Capture as CaptureBody,
  Detection as DetectionBody,
  DetectionState,
  PagedOf,
  Play as PlayBody,
  PlaysSummary as PlaysSummaryBody,
  Device as DeviceBody,
  Heartbeat as HeartbeatBody,
  SplitSet as SplitSetBody,
  SystemStatus as SystemStatusBody,
  Track as TrackBody,
  TrackSplits as TrackSplitsBody,
  UploadResult,
  User,
} from '@zamio/contracts';
import type { UploadRecord } from '@zamio/files';
import type { Heartbeat, SystemStatus } from '@zamio/system-status';
import type { Page } from '@zamio/db';
import type { PlaysSummary } from '@zamio/airplay';

export const pageOf = <T, B>(page: Page<T>, body: (item: T) => B): PagedOf<B> => ({
  items: page.items.map(body),
  nextCursor: page.nextCursor,
});

/** A query's optional ISO date-time (already format-checked by the schema). */
export const dateOrUndefined = (value: string | undefined) =>
  value === undefined ? undefined : new Date(value);

export const uploadBody = (upload: UploadRecord): UploadResult => ({
  id: upload.id,
  kind: upload.kind,
  sizeBytes: upload.sizeBytes,
  sha256: upload.sha256,
  mimeType: upload.mimeType,
  durationMs: upload.durationMs,
  sampleRate: upload.sampleRate,
});

export const userBody = (account: Account): User => ({
  id: account.id,
  email: account.email,
  displayName: account.displayName,
  role: account.role,
  status: account.status,
  createdAt: account.createdAt.toISOString(),
  approvedAt: account.approvedAt?.toISOString() ?? null,
  rejectionReason: account.rejectionReason,
  rejectedAt: account.rejectedAt?.toISOString() ?? null,
});

export const deviceBody = (device: Device): DeviceBody => ({
  id: device.id,
  name: device.name,
  createdAt: device.createdAt.toISOString(),
  lastUsedAt: device.lastUsedAt?.toISOString() ?? null,
  revoked: device.revokedAt !== null,
});

const iso = (value: Date | null) => value?.toISOString() ?? null;
const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

export const trackBody = (track: Track): TrackBody => ({
  id: track.id,
  title: track.title,
  isrc: track.isrc,
  album: track.album,
  genre: track.genre,
  releaseDate: track.releaseDate,
  status: track.status,
  failureReason: track.failureReason,
  durationSeconds: seconds(track.durationMs),
  sampleRate: track.sampleRate,
  withdrawnAt: iso(track.withdrawnAt),
  audio: track.audio && uploadBody(track.audio),
  createdAt: track.createdAt.toISOString(),
  updatedAt: track.updatedAt.toISOString(),
});

const splitSetBody = (set: SplitSet): SplitSetBody => ({
  id: set.id,
  trackId: set.trackId,
  effectiveFrom: set.effectiveFrom.toISOString(),
  createdAt: set.createdAt.toISOString(),
  splits: set.splits.map((split) => ({ ...split })),
});

export const trackSplitsBody = (splits: TrackSplits): TrackSplitsBody => ({
  trackId: splits.trackId,
  current: splits.current && splitSetBody(splits.current),
  history: splits.history.map(splitSetBody),
});

/** The database's review words → the API's detection states. */
export const detectionState = detectionStateOf;

/** The API's detection state → the database's review word (for filters). */
export const reviewOf = (state: DetectionState | undefined): DetectionReview | undefined =>
  state === undefined ? undefined : state === 'detected' ? 'unreviewed' : state;

export const detectionBody = (detection: Detection): DetectionBody => detectionWire(detection);

export const playBody = (play: PlayWithEvidence): PlayBody => playWire(play, play.detectionIds);

export const playsSummaryBody = (summary: PlaysSummary): PlaysSummaryBody => ({
  perDay: summary.perDay.map((d) => ({ day: d.day, plays: d.plays, durationSeconds: d.durationMs / 1000 })),
  perStation: summary.perStation.map((s) => ({
    stationId: s.stationId,
    station: s.station,
    plays: s.plays,
    durationSeconds: s.durationMs / 1000,
  })),
});

export const captureBody = (capture: Capture): CaptureBody => ({
  id: capture.id,
  chunkId: capture.chunkId,
  source: capture.source,
  streamId: capture.streamId,
  startedAt: capture.startedAt.toISOString(),
  durationSeconds: seconds(capture.durationMs),
  capturedAt: capture.capturedAt.toISOString(),
  status: capture.status,
  attempts: capture.attempts,
  deadReason: capture.failureReason,
  processedAt: iso(capture.processedAt),
  upload: capture.upload && uploadBody(capture.upload),
  result: capture.detection && {
    detectionId: capture.detection.detectionId,
    trackId: capture.detection.trackId,
    trackTitle: capture.detection.trackTitle,
    offsetSeconds: capture.detection.trackOffsetMs / 1000,
    confidence: capture.detection.confidence,
    state: detectionState(capture.detection.review),
  },
});

export const heartbeatBody = (beat: Heartbeat): HeartbeatBody => ({
  service: beat.service,
  instance: beat.instance,
  version: beat.version,
  revision: beat.revision,
  requestId: beat.requestId,
  healthStatus: beat.health?.status ?? null,
  beatAt: beat.beatAt.toISOString(),
});

export const systemStatusBody = (status: SystemStatus): SystemStatusBody => ({
  state: status.state,
  checkedAt: status.checkedAt.toISOString(),
  services: status.services.map((instance) => ({
    service: instance.service,
    instance: instance.instance,
    state: instance.state,
    version: instance.version,
    revision: instance.revision,
    source: instance.source,
    reportedAt: instance.reportedAt.toISOString(),
    uptimeSeconds: instance.health?.uptimeSeconds ?? null,
    checks: instance.health?.checks ?? [],
  })),
  queues: status.queues,
  streams: status.streams,
});

export const adminStationBody = (station: StationListing): AdminStationBody => ({
  id: station.id,
  name: station.name,
  stationClass: station.stationClass,
  region: station.region,
  timezone: station.timezone,
  ownerUserId: station.ownerUserId,
  ownerEmail: station.ownerEmail,
  accountStatus: station.accountStatus,
  streams: station.streams,
  createdAt: station.createdAt.toISOString(),
});
