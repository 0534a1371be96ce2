// The admin status page's read on both databases: this process live, workers
// from their heartbeats (stale after 5 minutes), queue depths, stream counts,
// and the overall state as the worst of them.
import { describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '@zamio/domain-testing';
import type { HealthReport } from '@zamio/health';
import { createInProcessQueue } from '@zamio/queue';
import { createSystemStatusService, heartbeatsRepository, instanceStateOf, overallStateOf } from '../src';

const report = (service: string, status: HealthReport['status']): HealthReport => ({
  status,
  service,
  version: '1.2.3',
  revision: 'abc1234',
  uptimeSeconds: 60,
  shuttingDown: false,
  checks: [{ name: 'postgres', status: status === 'ok' ? 'up' : 'down', latencyMs: 2 }],
});

describe('service state rules', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('is stale after 5 minutes without a beat, else the reported health (ok without a report)', () => {
    expect(instanceStateOf({ beatAt: new Date('2026-12-01T11:54:59Z'), health: null }, now)).toBe('stale');
    expect(instanceStateOf({ beatAt: new Date('2026-12-01T11:56:00Z'), health: null }, now)).toBe('ok');
    expect(
      instanceStateOf(
        { beatAt: new Date('2026-12-01T11:59:00Z'), health: report('worker', 'degraded') },
        now,
      ),
    ).toBe('degraded');
  });
  it('takes the worst state overall', () => {
    expect(overallStateOf(['ok', 'ok'])).toBe('ok');
    expect(overallStateOf(['ok', 'stale'])).toBe('degraded');
    expect(overallStateOf(['degraded', 'down', 'ok'])).toBe('down');
  });
});

describeOnBothDatabases('system status', (db) => {
  it('reports this process live, workers from their beats, queues and streams', async () => {
    const jobs = createInProcessQueue();
    // A heartbeat job a worker has taken and not finished: the queue shows it running.
    let release = () => {};
    const taken = new Promise<void>((resolve) => {
      jobs.consume({
        'system.heartbeat': () =>
          new Promise<void>((done) => {
            release = done;
            resolve();
          }),
      });
    });
    await jobs.enqueue('system.heartbeat', { requestId: 'req-running', origin: 'test' });
    await taken;
    await heartbeatsRepository.record(db(), {
      service: 'worker',
      instance: 'w-1',
      version: '1.2.3',
      revision: 'abc1234',
      requestId: 'r-1',
      health: report('worker', 'ok'),
    });
    await heartbeatsRepository.record(db(), {
      service: 'worker',
      instance: 'w-old',
      version: '1.2.2',
      requestId: undefined,
    });
    await db().query(
      "UPDATE service_heartbeats SET beat_at = now() - interval '10 minutes' WHERE instance = 'w-old'",
    );

    const status = await createSystemStatusService({
      db: db(),
      jobs,
      streamHealth: async () => ({ total: 3, up: 2, down: 1, unknown: 0, inactive: 0 }),
    }).describeSystem({ instance: 'bff-1', report: async () => report('bff', 'ok') });

    expect(status.services[0]).toMatchObject({
      service: 'bff',
      instance: 'bff-1',
      state: 'ok',
      source: 'live',
    });
    expect(status.services.find((s) => s.instance === 'w-1')).toMatchObject({
      state: 'ok',
      source: 'heartbeat',
      revision: 'abc1234',
      health: expect.objectContaining({ checks: [expect.objectContaining({ name: 'postgres' })] }),
    });
    expect(status.services.find((s) => s.instance === 'w-old')).toMatchObject({
      state: 'stale',
      revision: null,
    });
    expect(status.state).toBe('degraded');
    expect(status.queues.find((q) => q.queue === 'system')).toMatchObject({
      waiting: 0,
      active: 1,
      failed: 0,
    });
    release();
    await jobs.idle();
    expect(status.streams).toEqual({ total: 3, up: 2, down: 1, unknown: 0, inactive: 0 });
  });
});
