// Admin-only system status: the heartbeat that proves bff → queue → worker →
// database end to end (request one, read the last beats), and the status
// page's one read of every service, queue and stream (GET /api/admin/system).
import { hostname } from 'node:os';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Heartbeat, HeartbeatRequested, SystemStatus } from '@zamio/contracts';
import type { HealthReport } from '@zamio/health';
import type { HeartbeatService, SystemStatusService } from '@zamio/system-status';
import { sessionGuard } from '../plugins/guards';
import { heartbeatBody, systemStatusBody } from './responses';

export interface SystemStatusRoutesOptions {
  heartbeats: HeartbeatService;
  systemStatus: SystemStatusService;
  /** This process's own /health report with details (the admins' page may see them). */
  healthReport: () => Promise<HealthReport>;
}

export const systemStatusRoutes: FastifyPluginAsyncTypebox<SystemStatusRoutesOptions> = async (
  app,
  { heartbeats, systemStatus, healthReport },
) => {
  const admin = sessionGuard('admin');
  app.addHook('onRequest', admin);
  const self = { instance: `${hostname()}:${process.pid}`, report: healthReport };

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

  app.get('/admin/system', { schema: { response: { 200: SystemStatus } } }, async () =>
    systemStatusBody(await systemStatus.describeSystem(self)),
  );
};
