// An artist's own tracks under /api/artist. The service scopes everything by
// the signed-in artist: another artist's track is simply "not found".
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { IdParams, Track, TrackCreateBody } from '@zamio/contracts';
import type { TrackService } from '@zamio/catalog';
import { sessionGuard } from '../plugins/guards';
import { trackBody } from './responses';

export const artistRoutes: FastifyPluginAsyncTypebox<{ tracks: TrackService }> = async (app, { tracks }) => {
  const artist = sessionGuard('artist');
  app.addHook('onRequest', artist);

  app.get('/artist/tracks', { schema: { response: { 200: Type.Array(Track) } } }, async (request) =>
    (await tracks.listTracks(artist.principalOf(request).userId)).map(trackBody),
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

  // The audio of an existing track; ownership is checked before any byte is stored.
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
};
