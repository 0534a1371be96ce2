// An artist's catalogue: register a track, change its facts, give it audio
// (which queues its fingerprint job), withdraw it, read one or a page of
// one's own. A create and its read-back are one transaction, so a committed
// track is never answered with an error (and then duplicated by a retry).
import type { Database, Queryable } from '@zamio/db';
import { notFound } from '@zamio/errors';
import { discardOnFailure, uploadsRepository, type ReceiveUpload, type UploadStorage } from '@zamio/files';
import type { JobProducer } from '@zamio/queue';
import * as contributors from '../repositories/contributors-repository';
import * as fingerprints from '../repositories/fingerprints-repository';
import * as splits from '../repositories/splits-repository';
import * as tracks from '../repositories/tracks-repository';
import type { Track, TrackDetails, TrackFilter } from '../repositories/tracks-repository';
import type { Page } from '@zamio/db';
import { normaliseIsrc } from '../rules/isrc';
import type { AccountLookup } from './account-lookup';

/** What an artist types about a track (absent optional fields are null). */
export interface TrackDetailsInput {
  title: string;
  isrc?: string | null | undefined;
  album?: string | null | undefined;
  genre?: string | null | undefined;
  releaseDate?: string | null | undefined;
}

export interface TrackListRequest extends TrackFilter {
  limit: number;
  cursor?: string | undefined;
}

async function ownTrack(db: Queryable, artistId: string, trackId: string): Promise<Track> {
  const track = await tracks.findOwned(db, artistId, trackId);
  if (!track) throw notFound('no such track');
  return track;
}

const detailsOf = (input: TrackDetailsInput): TrackDetails => ({
  title: input.title.trim(),
  isrc: input.isrc ? normaliseIsrc(input.isrc) : null,
  album: input.album?.trim() || null,
  genre: input.genre?.trim() || null,
  releaseDate: input.releaseDate ?? null,
});

export interface TrackServiceDeps {
  db: Database;
  storage: UploadStorage;
  /** Queues the fingerprint job of new audio (after its transaction commits; the bff's defers to the sweep while the queue is down). */
  jobs: Pick<JobProducer, 'enqueue'>;
  /** The account behind a registered contributor (the uploader's default 100 % share names them). */
  findAccount: AccountLookup;
  /** The request id the queued job carries (log correlation). */
  requestId?: () => string;
}

export function createTrackService({ db, storage, jobs, findAccount, requestId }: TrackServiceDeps) {
  const queueFingerprint = (track: Track) =>
    jobs.enqueue('catalog.fingerprint-track', {
      requestId: requestId?.() ?? 'catalog',
      trackId: track.id,
      uploadId: track.audio!.id,
    });

  return {
    /** A new track (status draft until audio arrives); its uploader holds 100 % until splits are set. */
    registerTrack: (artistId: string, input: TrackDetailsInput): Promise<Track> => {
      const details = detailsOf(input);
      return db.transaction(async (tx) => {
        const account = await findAccount(tx, artistId);
        if (!account) throw notFound('no such artist account');
        const id = await tracks.insert(tx, artistId, details);
        const uploader = await contributors.ensureForAccount(tx, {
          userId: artistId,
          name: account.displayName,
          createdBy: artistId,
        });
        const track = await ownTrack(tx, artistId, id);
        await splits.insertSet(tx, {
          trackId: id,
          effectiveFrom: track.createdAt,
          createdBy: artistId,
          splits: [{ contributorId: uploader.id, role: 'artist', shareBp: 10_000, publisherUserId: null }],
        });
        return track;
      });
    },

    /** Changes the facts given; the others stay. */
    updateTrack: async (
      artistId: string,
      trackId: string,
      input: Partial<TrackDetailsInput>,
    ): Promise<Track> =>
      db.transaction(async (tx) => {
        const current = await ownTrack(tx, artistId, trackId);
        const details = detailsOf({
          title: input.title ?? current.title,
          isrc: input.isrc === undefined ? current.isrc : input.isrc,
          album: input.album === undefined ? current.album : input.album,
          genre: input.genre === undefined ? current.genre : input.genre,
          releaseDate: input.releaseDate === undefined ? current.releaseDate : input.releaseDate,
        });
        await tracks.updateDetails(tx, artistId, trackId, details);
        return ownTrack(tx, artistId, trackId);
      }),

    getTrack: (artistId: string, trackId: string): Promise<Track> => ownTrack(db, artistId, trackId),

    listTracks: (artistId: string, request: TrackListRequest): Promise<Page<Track>> =>
      tracks.listOwned(
        db,
        artistId,
        { status: request.status, search: request.search },
        { limit: request.limit, cursor: request.cursor, sort: 'createdAt', order: 'desc' },
      ),

    /**
     * New audio for the track. Ownership is checked before any byte is stored;
     * the audio row, the link and the read-back are one transaction; then the
     * fingerprint job is queued. Until it finishes the old fingerprints keep
     * matching; the job swaps them for the new ones in one transaction.
     */
    async replaceTrackAudio(artistId: string, trackId: string, receive: ReceiveUpload): Promise<Track> {
      await ownTrack(db, artistId, trackId);
      const { stored, originalName } = await receive();
      const track = await discardOnFailure(storage, stored, () =>
        db.transaction(async (tx) => {
          const upload = await uploadsRepository.insert(tx, stored, { userId: artistId }, originalName);
          if (!(await tracks.setAudio(tx, artistId, trackId, upload.id))) throw notFound('no such track');
          return ownTrack(tx, artistId, trackId);
        }),
      );
      // A lost enqueue (queue down) leaves the track `uploaded`; the worker's lost-work sweep queues it again.
      await queueFingerprint(track);
      return track;
    },

    /** Withdrawn: the track never matches again (its fingerprints leave every index); false reinstates. */
    setTrackWithdrawn: (artistId: string, trackId: string, withdrawn: boolean): Promise<Track> =>
      db.transaction(async (tx) => {
        const current = await ownTrack(tx, artistId, trackId);
        if ((current.withdrawnAt !== null) !== withdrawn) {
          await tracks.setWithdrawn(tx, artistId, trackId, withdrawn);
          await fingerprints.logTrackVisibility(tx, trackId, !withdrawn);
        }
        return ownTrack(tx, artistId, trackId);
      }),
  };
}

export type TrackService = ReturnType<typeof createTrackService>;
