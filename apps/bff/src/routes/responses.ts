// Domain records → the API's response shapes (libs/contracts): ISO dates,
// only the fields a client may see (never a password hash).
import type { Account, Device } from '@zamio/accounts';
import type { Capture } from '@zamio/airplay';
import type { Track } from '@zamio/catalog';
import type {
  Capture as CaptureBody,
  Device as DeviceBody,
  Heartbeat as HeartbeatBody,
  Track as TrackBody,
  UploadResult,
  User,
} from '@zamio/contracts';
import type { UploadRecord } from '@zamio/files';
import type { Heartbeat } from '@zamio/system-status';

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
});

export const deviceBody = (device: Device): DeviceBody => ({
  id: device.id,
  name: device.name,
  createdAt: device.createdAt.toISOString(),
  lastUsedAt: device.lastUsedAt?.toISOString() ?? null,
  revoked: device.revokedAt !== null,
});

export const trackBody = (track: Track): TrackBody => ({
  id: track.id,
  title: track.title,
  isrc: track.isrc,
  createdAt: track.createdAt.toISOString(),
  audio: track.audio && uploadBody(track.audio),
});

export const captureBody = (capture: Capture): CaptureBody => ({
  id: capture.id,
  chunkId: capture.chunkId,
  capturedAt: capture.capturedAt.toISOString(),
  upload: capture.upload && uploadBody(capture.upload),
});

export const heartbeatBody = (beat: Heartbeat): HeartbeatBody => ({
  service: beat.service,
  instance: beat.instance,
  version: beat.version,
  requestId: beat.requestId,
  beatAt: beat.beatAt.toISOString(),
});
