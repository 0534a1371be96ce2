// An artist's own tracks and their splits under /api/artist. The services
// scope everything by the signed-in artist: another artist's track is simply
// "not found".
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ArtistPlayListQuery,
  IdParams,
  PlayPage,
  PlaysSummary,
  PlaysSummaryQuery,
  SplitsPutBody,
  Track,
  TrackCreateBody,
  TrackListQuery,
  TrackPage,
  TrackSplits,
  TrackUpdateBody,
  TrackWithdrawalBody,
} from '@zamio/contracts';
import type { AirplayReadService } from '@zamio/airplay';
import type { SplitService, TrackService } from '@zamio/catalog';
import { sessionGuard } from '../plugins/guards';
import { dateOrUndefined, pageOf, playBody, playsSummaryBody, trackBody, trackSplitsBody } from './responses';

export interface ArtistRoutesOptions {
  tracks: TrackService;
  splits: SplitService;
  airplay: AirplayReadService;
}

export const artistRoutes: FastifyPluginAsyncTypebox<ArtistRoutesOptions> = async (
  app,
  { tracks, splits, airplay },
) => {
  const artist = sessionGuard('artist');
  app.addHook('onRequest', artist);

  app.get(
    '/artist/tracks',
    { schema: { querystring: TrackListQuery, response: { 200: TrackPage } } },
    async (request) => {
      const page = await tracks.listTracks(artist.principalOf(request).userId, request.query);
      return { items: page.items.map(trackBody), nextCursor: page.nextCursor };
    },
  );

  app.get('/artist/tracks/:id', { schema: { params: IdParams, response: { 200: Track } } }, async (request) =>
    trackBody(await tracks.getTrack(artist.principalOf(request).userId, request.params.id)),
  );

  app.post(
    '/artist/tracks',
    { schema: { body: TrackCreateBody, response: { 201: Track } }, config: { idempotent: true } },
    async (request, reply) => {
      const track = await tracks.registerTrack(artist.principalOf(request).userId, request.body);
      return reply.code(201).send(trackBody(track));
    },
  );

  app.patch(
    '/artist/tracks/:id',
    { schema: { params: IdParams, body: TrackUpdateBody, response: { 200: Track } } },
    async (request) =>
      trackBody(
        await tracks.updateTrack(artist.principalOf(request).userId, request.params.id, request.body),
      ),
  );

  app.post(
    '/artist/tracks/:id/withdrawal',
    { schema: { params: IdParams, body: TrackWithdrawalBody, response: { 200: Track } } },
    async (request) =>
      trackBody(
        await tracks.setTrackWithdrawn(
          artist.principalOf(request).userId,
          request.params.id,
          request.body.withdrawn,
        ),
      ),
  );

  // New audio for an existing track: ownership is checked before any byte is
  // stored; the answer is the track `uploaded`, its fingerprint job queued.
  app.put(
    '/artist/tracks/:id/audio',
    {
      schema: { params: IdParams, response: { 200: Track } },
      config: { rateLimit: app.rateLimits.upload },
    },
    async (request) => {
      const { userId } = artist.principalOf(request);
      const track = await tracks.replaceTrackAudio(userId, request.params.id, () =>
        request.upload('track-audio'),
      );
      request.log.info(
        { trackId: track.id, sizeBytes: track.audio?.sizeBytes, sha256: track.audio?.sha256 },
        'track audio stored',
      );
      return trackBody(track);
    },
  );

  app.get(
    '/artist/tracks/:id/splits',
    { schema: { params: IdParams, response: { 200: TrackSplits } } },
    async (request) =>
      trackSplitsBody(await splits.getSplits(artist.principalOf(request).userId, request.params.id)),
  );

  app.put(
    '/artist/tracks/:id/splits',
    { schema: { params: IdParams, body: SplitsPutBody, response: { 200: TrackSplits } } },
    async (request) => {
      const { splits: entries, effectiveFrom } = request.body;
      return trackSplitsBody(
        await splits.setSplits(
          artist.principalOf(request).userId,
          request.params.id,
          entries,
          effectiveFrom === undefined ? undefined : new Date(effectiveFrom),
        ),
      );
    },
  );

  // Plays of the artist's own tracks, newest first.
  app.get(
    '/artist/plays',
    { schema: { querystring: ArtistPlayListQuery, response: { 200: PlayPage } } },
    async (request) => {
      const { limit, cursor, station, track, from, to } = request.query;
      const page = await airplay.listArtistPlays(
        artist.principalOf(request).userId,
        { stationId: station, trackId: track, from: dateOrUndefined(from), to: dateOrUndefined(to) },
        { limit, cursor },
      );
      return pageOf(page, playBody);
    },
  );

  // Plays per UTC day and per station (the portal's chart).
  app.get(
    '/artist/plays/summary',
    { schema: { querystring: PlaysSummaryQuery, response: { 200: PlaysSummary } } },
    async (request) => {
      const { from, to, station, track } = request.query;
      return playsSummaryBody(
        await airplay.summariseArtistPlays(artist.principalOf(request).userId, {
          from: new Date(from),
          to: new Date(to),
          stationId: station,
          trackId: track,
        }),
      );
    },
  );
};
