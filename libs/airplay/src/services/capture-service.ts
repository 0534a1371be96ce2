// A station's captures: 10 s of its broadcast, sent by a capture device.
import { CAPTURE_MAX_SECONDS, CAPTURE_MIN_SECONDS } from '@zamio/contracts';
import type { Database } from '@zamio/db';
import { invalid } from '@zamio/errors';
import { discardOnFailure, uploadsRepository, type ReceiveUpload, type UploadStorage } from '@zamio/files';
import * as captures from '../repositories/captures-repository';
import type { Capture } from '../repositories/captures-repository';
import type { JobProducer } from '@zamio/queue';
import { checkChunkId } from '../rules/chunk-id';

export interface CaptureSource {
  userId: string;
  stationId: string;
  deviceId: string;
}

/** A repeated chunk rolls its upload row back; the stored file is discarded with it. */
class RepeatedChunk extends Error {}

/** `started_at` (ISO 8601) and `duration` (seconds) as the device sent them; checked here. */
function captureTiming(fields: Record<string, string>, probedMs: number | undefined, receivedAt: Date) {
  let startedAt = receivedAt;
  if (fields.started_at !== undefined) {
    startedAt = new Date(fields.started_at);
    if (!/^\d{4}-\d\d-\d\dT/.test(fields.started_at) || Number.isNaN(startedAt.getTime()))
      throw invalid('field "started_at" must be an ISO 8601 date-time, e.g. 2026-12-01T10:00:00Z');
    if (startedAt.getTime() > receivedAt.getTime() + 5 * 60_000)
      throw invalid('field "started_at" is in the future (check the device clock)');
  }
  let declaredMs: number | undefined;
  if (fields.duration !== undefined) {
    const seconds = Number(fields.duration);
    if (!Number.isFinite(seconds)) throw invalid('field "duration" must be a number of seconds');
    declaredMs = Math.round(seconds * 1000);
  }
  // The probed audio wins over what the device says.
  const durationMs = probedMs !== undefined ? Math.round(probedMs) : declaredMs;
  if (
    durationMs !== undefined &&
    (durationMs < CAPTURE_MIN_SECONDS * 1000 - 50 || durationMs > CAPTURE_MAX_SECONDS * 1000 + 50)
  )
    throw invalid(
      `a capture must be ${CAPTURE_MIN_SECONDS}–${CAPTURE_MAX_SECONDS} s of audio (this one is ${(durationMs / 1000).toFixed(1)} s)`,
    );
  return { startedAt, durationMs: durationMs ?? null };
}

export function createCaptureService({
  db,
  storage,
  jobs,
  requestId,
}: {
  db: Database;
  storage: UploadStorage;
  /**
   * Queues the match job of a new capture (after its transaction commits).
   * The bff passes one that leaves the job to the lost-work sweep while the
   * queue is down (deferToSweep), so a stored capture is always answered 202.
   */
  jobs: Pick<JobProducer, 'enqueue'>;
  requestId?: () => string;
}) {
  return {
    /**
     * Records a capture idempotently by chunk id: the first one is created
     * and its match job queued, a repeat answers the first capture (with its
     * status and result so far) and keeps nothing of its own.
     */
    async receiveCapture(
      source: CaptureSource,
      receive: ReceiveUpload,
    ): Promise<{ capture: Capture; created: boolean }> {
      const { stored, fields, originalName } = await receive();
      try {
        const capture = await discardOnFailure(storage, stored, () => {
          const chunkId = checkChunkId(fields.chunk_id);
          const timing = captureTiming(fields, stored.audio?.durationMs, new Date());
          return db.transaction(async (tx) => {
            const owner = { userId: source.userId, stationId: source.stationId };
            const upload = await uploadsRepository.insert(tx, stored, owner, originalName);
            const id = await captures.insertIfNew(tx, {
              stationId: source.stationId,
              deviceId: source.deviceId,
              chunkId,
              uploadId: upload.id,
              source: 'device',
              streamId: null,
              ...timing,
            });
            if (id === undefined) throw new RepeatedChunk();
            const created = await captures.findById(tx, source.stationId, id);
            if (!created) throw new Error(`capture ${id} vanished inside its own transaction`);
            return created;
          });
        });
        // A lost enqueue (queue down) leaves the capture pending; the worker's lost-work sweep queues it again.
        await jobs.enqueue('airplay.match-capture', {
          requestId: requestId?.() ?? 'capture',
          captureId: capture.id,
        });
        return { capture, created: true };
      } catch (error) {
        if (!(error instanceof RepeatedChunk)) throw error;
      }
      const first = await captures.findByChunk(db, source.stationId, checkChunkId(fields.chunk_id));
      if (!first) throw new Error('a repeated chunk has no first capture');
      return { capture: first, created: false };
    },
  };
}

export type CaptureService = ReturnType<typeof createCaptureService>;
