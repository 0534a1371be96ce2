// A station listens to one of its own captures (to confirm what was detected
// in it), whole or by byte range. Another station's capture, or a stream
// window that kept no file, is simply "not found".
import type { Database } from '@zamio/db';
import { notFound } from '@zamio/errors';
import {
  openStoredUpload,
  type ByteRangeAsked,
  type OpenedUpload,
  type StoredUploadSource,
} from '@zamio/files';
import * as captures from '../repositories/captures-repository';

export function createCaptureAudioService({ db, storage }: { db: Database; storage: StoredUploadSource }) {
  return {
    async openCaptureAudio(
      stationId: string,
      captureId: string,
      range?: ByteRangeAsked,
    ): Promise<OpenedUpload> {
      const capture = await captures.findById(db, stationId, captureId);
      if (!capture) throw notFound('no such capture');
      if (!capture.upload) throw notFound('this capture kept no audio');
      return openStoredUpload(db, storage, capture.upload.id, range);
    },
  };
}

export type CaptureAudioService = ReturnType<typeof createCaptureAudioService>;
