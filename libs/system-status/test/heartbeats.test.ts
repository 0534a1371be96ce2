// Heartbeats on both databases: one row per instance, newest first, and a
// heartbeat request goes onto the queue with the request's id.
import { expect, it } from 'vitest';
import { createInProcessQueue } from '@zamio/queue';
import { describeOnBothDatabases } from '@zamio/domain-testing';
import { createHeartbeatService, heartbeatsRepository } from '../src';

describeOnBothDatabases('heartbeats', (db) => {
  it('keeps the last beat of each instance, newest first', async () => {
    const beat = (instance: string, version: string, requestId: string | undefined) =>
      heartbeatsRepository.record(db(), { service: 'worker', instance, version, requestId });
    await beat('a', '1', 'req-a-1');
    await beat('b', '1', undefined);
    await beat('a', '2', 'req-a-2');
    const beats = await heartbeatsRepository.listRecent(db());
    expect(beats.map((b) => [b.instance, b.version, b.requestId]).sort()).toEqual([
      ['a', '2', 'req-a-2'],
      ['b', '1', null],
    ]);
    expect(beats[0]!.beatAt).toBeInstanceOf(Date);
    expect(beats[0]!.beatAt.getTime()).toBeGreaterThanOrEqual(beats[1]!.beatAt.getTime());
  });

  it('enqueues a heartbeat job that a worker records', async () => {
    const jobs = createInProcessQueue();
    const heartbeats = createHeartbeatService({ db: db(), jobs });
    jobs.consume({
      'system.heartbeat': (data) =>
        heartbeats.recordHeartbeat({ instance: 'w-1', version: '3', requestId: data.requestId }),
    });
    expect(await heartbeats.requestHeartbeat('req-beat-0001', 'test')).toEqual(expect.any(String));
    await jobs.idle();
    expect((await heartbeats.listHeartbeats()).find((b) => b.instance === 'w-1')).toMatchObject({
      service: 'worker',
      requestId: 'req-beat-0001',
    });
  });
});
