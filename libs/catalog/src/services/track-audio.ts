// An artist listens to their own track's audio, whole or by byte range (the
// browser's audio element seeks with ranges). Another artist's track, or one
// without audio, is simply "not found".
import type { Database } from '@zamio/db';
import { notFound } from '@zamio/errors';
import {
  openStoredUpload,
  type ByteRangeAsked,
  type OpenedUpload,
  type StoredUploadSource,
} from '@zamio/files';
import * as tracks from '../repositories/tracks-repository';

export function createTrackAudioService({ db, storage }: { db: Database; storage: StoredUploadSource }) {
  return {
    async openTrackAudio(artistId: string, trackId: string, range?: ByteRangeAsked): Promise<OpenedUpload> {
      const track = await tracks.findOwned(db, artistId, trackId);
      if (!track) throw notFound('no such track');
      if (!track.audio) throw notFound('this track has no audio yet');
      return openStoredUpload(db, storage, track.audio.id, range);
    },
  };
}

export type TrackAudioService = ReturnType<typeof createTrackAudioService>;
