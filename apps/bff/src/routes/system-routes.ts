// Version, and the heartbeat that proves the bff → queue → worker → database
// path end to end.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Heartbeat, HeartbeatRequested, VersionInfo } from '@zamio/contracts';
import type { HeartbeatService } from '@zamio/system-status';
import { heartbeatBody } from './responses';

export interface SystemRoutesOptions {
  /** What /version tells this caller (the Node version only to operators). */
  versionOf: (request: FastifyRequest) => VersionInfo;
  heartbeats: HeartbeatService;
}

export const systemRoutes: FastifyPluginAsyncTypebox<SystemRoutesOptions> = async (
  app,
  { versionOf, heartbeats },
) => {
  app.get('/version', { schema: { response: { 200: VersionInfo } } }, async (request) => versionOf(request));

  app.post(
    '/system/heartbeat',
    { schema: { response: { 202: HeartbeatRequested } } },
    async (request, reply) => {
      const jobId = await heartbeats.requestHeartbeat(request.id, 'api');
      request.log.info({ jobId }, 'heartbeat enqueued');
      return reply.code(202).send({ jobId, requestId: request.id });
    },
  );

  app.get('/system/heartbeats', { schema: { response: { 200: Type.Array(Heartbeat) } } }, async () =>
    (await heartbeats.listHeartbeats()).map(heartbeatBody),
  );
};
