// Version, health and the heartbeat that proves the bff → queue → worker →
// database path end to end.
import type { FastifyInstance } from 'fastify';
import type { Database } from '@zamio/db';
import type { JobProducer } from '@zamio/queue';
import type { VersionInfo } from '@zamio/contracts';

export interface SystemRoutesOptions {
  version: VersionInfo;
  db: Database;
  queue: JobProducer;
}

export async function systemRoutes(app: FastifyInstance, options: SystemRoutesOptions): Promise<void> {
  app.get('/version', async () => options.version);

  app.post('/system/heartbeat', async (request, reply) => {
    const jobId = await options.queue.enqueue('system.heartbeat', { requestId: request.id, origin: 'api' });
    request.log.info({ jobId }, 'heartbeat enqueued');
    return reply.code(202).send({ jobId, requestId: request.id });
  });

  app.get('/system/heartbeats', async () => {
    const { rows } = await options.db.query<{
      service: string;
      instance: string;
      version: string;
      request_id: string | null;
      beat_at: Date;
    }>(
      'SELECT service, instance, version, request_id, beat_at FROM service_heartbeats ORDER BY beat_at DESC LIMIT 50',
    );
    return rows.map((r) => ({
      service: r.service,
      instance: r.instance,
      version: r.version,
      requestId: r.request_id,
      beatAt: new Date(r.beat_at).toISOString(),
    }));
  });
}
