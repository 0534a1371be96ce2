// The command-line indexer's use case (npx zamio-fp index): one audio file
// of a folder becomes one track of the operator's account, fingerprinted by
// the worker's own fingerprint service — same decoder, params and rows. A
// file indexed before with the same bytes is left as it is.
import type { Database } from '@zamio/db';
import { uploadsRepository } from '@zamio/files';
import * as tracks from '../repositories/tracks-repository';
import type { FingerprintOutcome, FingerprintService } from './fingerprint-service';

export interface LibraryFile {
  /** The track's title: the file's path relative to the folder indexed. */
  name: string;
  /** Where the fingerprint service reads it (the CLI's reader takes paths). */
  storageKey: string;
  sizeBytes: number;
  sha256: string;
  mimeType: string;
}

export function createLibraryIndexService({
  db,
  fingerprints,
}: {
  db: Database;
  fingerprints: FingerprintService;
}) {
  return {
    async indexFile(
      ownerId: string,
      file: LibraryFile,
    ): Promise<FingerprintOutcome | { outcome: 'unchanged' }> {
      const existing = await tracks.findOwnedByTitle(db, ownerId, file.name);
      if (existing?.status === 'ready' && existing.audio?.sha256 === file.sha256)
        return { outcome: 'unchanged' };
      const uploadId = await db.transaction(async (tx) => {
        const trackId =
          existing?.id ??
          (await tracks.insert(tx, ownerId, {
            title: file.name,
            isrc: null,
            album: null,
            genre: null,
            releaseDate: null,
          }));
        const upload = await uploadsRepository.insert(
          tx,
          {
            kind: 'track-audio',
            storageName: file.storageKey,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            mimeType: file.mimeType,
            audio: undefined,
          },
          { userId: ownerId },
          file.name,
        );
        await tracks.setAudio(tx, ownerId, trackId, upload.id);
        return { trackId, uploadId: upload.id };
      });
      return fingerprints.fingerprintTrack(uploadId.trackId, uploadId.uploadId, { lastAttempt: true });
    },

    /** The title of a matched track (the indexed file's name). */
    titleOf: async (trackId: string): Promise<string | undefined> =>
      (await tracks.findById(db, trackId))?.title,
  };
}

export type LibraryIndexService = ReturnType<typeof createLibraryIndexService>;
