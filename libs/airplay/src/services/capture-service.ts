// A station's captures: 10 s of its broadcast, sent by a capture device.
import type { Database } from '@zamio/db';
import { discardOnFailure, uploadsRepository, type ReceiveUpload, type UploadStorage } from '@zamio/files';
import * as captures from '../repositories/captures-repository';
import type { Capture } from '../repositories/captures-repository';
import { checkChunkId } from '../rules/chunk-id';

/** A list answers at most this many captures (paging comes with the airplay issue). */
export const CAPTURE_LIST_LIMIT = 500;

export interface CaptureSource {
  userId: string;
  stationId: string;
  deviceId: string;
}

/** A repeated chunk rolls its upload row back; the stored file is discarded with it. */
class RepeatedChunk extends Error {}

export function createCaptureService({ db, storage }: { db: Database; storage: UploadStorage }) {
  return {
    /**
     * Records a capture idempotently by chunk id: the first one is created,
     * a repeat answers the first capture and keeps nothing of its own.
     */
    async receiveCapture(
      source: CaptureSource,
      receive: ReceiveUpload,
    ): Promise<{ capture: Capture; created: boolean }> {
      const { stored, fields, originalName } = await receive();
      try {
        const capture = await discardOnFailure(storage, stored, () => {
          const chunkId = checkChunkId(fields.chunk_id);
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
              startedAt: new Date(),
              durationMs: stored.audio ? Math.round(stored.audio.durationMs) : null,
            });
            if (id === undefined) throw new RepeatedChunk();
            const created = await captures.findById(tx, source.stationId, id);
            if (!created) throw new Error(`capture ${id} vanished inside its own transaction`);
            return created;
          });
        });
        return { capture, created: true };
      } catch (error) {
        if (!(error instanceof RepeatedChunk)) throw error;
      }
      const first = await captures.findByChunk(db, source.stationId, checkChunkId(fields.chunk_id));
      if (!first) throw new Error('a repeated chunk has no first capture');
      return { capture: first, created: false };
    },

    listCaptures: async (stationId: string): Promise<Capture[]> =>
      (
        await captures.listOfStation(
          db,
          stationId,
          {},
          { limit: CAPTURE_LIST_LIMIT, sort: 'capturedAt', order: 'desc' },
        )
      ).items,
  };
}

export type CaptureService = ReturnType<typeof createCaptureService>;
