// Monitored streams: a station registers, lists and removes its stream URLs
// (/api/station/streams); admins see every station's streams and their state
// (/api/admin/streams?state=down). The worker's scheduled checks do the rest.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { AdminStreamListQuery, IdParams, Stream, StreamCreateBody, StreamPage } from '@zamio/contracts';
import type { StreamService } from '@zamio/airplay';
import { sessionGuard, stationSessionGuard } from '../plugins/guards';
import { streamBody } from './stream-responses';

export const streamRoutes: FastifyPluginAsyncTypebox<{ streams: StreamService }> = async (
  app,
  { streams },
) => {
  const station = stationSessionGuard();
  const admin = sessionGuard('admin');

  app.get(
    '/station/streams',
    { schema: { response: { 200: Type.Array(Stream) } }, onRequest: station },
    async (request) => (await streams.listStreams(station.principalOf(request).stationId)).map(streamBody),
  );

  app.post(
    '/station/streams',
    { schema: { body: StreamCreateBody, response: { 201: Stream } }, onRequest: station },
    async (request, reply) => {
      const stream = await streams.registerStream(station.principalOf(request).stationId, request.body);
      request.log.info({ streamId: stream.id }, 'stream registered');
      return reply.code(201).send(streamBody(stream));
    },
  );

  app.delete(
    '/station/streams/:id',
    { schema: { params: IdParams }, onRequest: station },
    async (request, reply) => {
      await streams.removeStream(station.principalOf(request).stationId, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/admin/streams',
    { schema: { querystring: AdminStreamListQuery, response: { 200: StreamPage } }, onRequest: admin },
    async (request) => {
      const { state, stationId, limit, cursor } = request.query;
      const page = await streams.listAllStreams(
        { state, stationId },
        { limit, cursor, sort: 'createdAt', order: 'desc' },
      );
      return { items: page.items.map(streamBody), nextCursor: page.nextCursor };
    },
  );
};
