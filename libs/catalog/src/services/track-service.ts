// An artist's catalogue: register a track, read one or all of one's own, and
// give a track its audio. A create and its read-back are one transaction, so
// a committed track is never answered with an error (and then duplicated by
// a retry).
import type { Database, Queryable } from '@zamio/db';
import { notFound } from '@zamio/errors';
import { discardOnFailure, uploadsRepository, type ReceiveUpload, type UploadStorage } from '@zamio/files';
import * as tracks from '../repositories/tracks-repository';
import type { Track } from '../repositories/tracks-repository';

/** A list answers at most this many tracks (paging comes with the catalogue issue). */
export const TRACK_LIST_LIMIT = 500;

async function ownTrack(db: Queryable, artistId: string, trackId: string): Promise<Track> {
  const track = await tracks.findOwned(db, artistId, trackId);
  if (!track) throw notFound('no such track');
  return track;
}

export function createTrackService({ db, storage }: { db: Database; storage: UploadStorage }) {
  return {
    registerTrack: (artistId: string, input: { title: string; isrc?: string | undefined }): Promise<Track> =>
      db.transaction(async (tx) => {
        const id = await tracks.insert(tx, artistId, {
          title: input.title,
          isrc: input.isrc ?? null,
          album: null,
          genre: null,
          releaseDate: null,
        });
        return ownTrack(tx, artistId, id);
      }),

    getTrack: (artistId: string, trackId: string): Promise<Track> => ownTrack(db, artistId, trackId),

    listTracks: async (artistId: string): Promise<Track[]> =>
      (
        await tracks.listOwned(
          db,
          artistId,
          {},
          { limit: TRACK_LIST_LIMIT, sort: 'createdAt', order: 'desc' },
        )
      ).items,

    /** Ownership is checked before any byte is stored; the audio row, the link and the read-back are one transaction. */
    async replaceTrackAudio(artistId: string, trackId: string, receive: ReceiveUpload): Promise<Track> {
      await ownTrack(db, artistId, trackId);
      const { stored, originalName } = await receive();
      return discardOnFailure(storage, stored, () =>
        db.transaction(async (tx) => {
          const upload = await uploadsRepository.insert(tx, stored, { userId: artistId }, originalName);
          if (!(await tracks.setAudio(tx, artistId, trackId, upload.id))) throw notFound('no such track');
          return ownTrack(tx, artistId, trackId);
        }),
      );
    },
  };
}

export type TrackService = ReturnType<typeof createTrackService>;
