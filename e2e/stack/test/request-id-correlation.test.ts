// One request id across processes: the bff accepts a well-formed X-Request-ID,
// returns it, logs it, carries it in the job's data through BullMQ on the real
// Redis, and the worker's log lines for that job carry it with the job id.
// (The heartbeat routes are admin-only: the requests carry an admin session.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startBffAndWorker, type Stack } from './support/bff-and-worker';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request id correlation bff → queue → worker', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startBffAndWorker();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const enqueue = (headers: Record<string, string>) =>
    fetch(`${stack.bff.url}/api/system/heartbeat`, {
      method: 'POST',
      headers: { ...stack.admin, ...headers },
    });

  it('appears in the bff request log, the job data and the worker log lines for the job', async () => {
    const requestId = `test-${randomBytes(8).toString('hex')}`;
    const response = await enqueue({ 'x-request-id': requestId });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const { jobId } = (await response.json()) as { jobId: string };

    // The worker recorded the job with the same request id, in its own logs.
    await expect
      .poll(
        () =>
          stack.workerLogs
            .lines()
            .find((line) => line.msg === 'heartbeat recorded' && line.reqId === requestId),
        { timeout: 15_000, interval: 100 },
      )
      .toMatchObject({ service: 'worker', reqId: requestId, jobId });
    // The bff's access log line: method, route, status, duration, request id.
    await expect
      .poll(
        () =>
          stack.bffLogs.lines().find((line) => line.reqId === requestId && line.msg === 'request completed'),
        { timeout: 5_000 },
      )
      .toMatchObject({
        method: 'POST',
        route: '/api/system/heartbeat',
        res: { statusCode: 202 },
        responseTime: expect.any(Number),
      });
    expect(
      stack.bffLogs.lines().find((line) => line.reqId === requestId && line.msg === 'heartbeat enqueued'),
    ).toMatchObject({ jobId });
    // And the database row written by the job carries it too.
    const rows = (await (
      await fetch(`${stack.bff.url}/api/system/heartbeats`, { headers: stack.admin })
    ).json()) as {
      requestId: string;
    }[];
    expect(rows.map((r) => r.requestId)).toContain(requestId);
  });

  it('replaces a malformed X-Request-ID with a generated one', async () => {
    for (const bad of ['has spaces in it', 'x'.repeat(500), 'id"},{"level":"fatal"']) {
      const response = await enqueue({ 'x-request-id': bad });
      expect(response.status).toBe(202);
      const returned = response.headers.get('x-request-id')!;
      expect(returned).not.toBe(bad);
      expect(returned).toMatch(UUID);
      expect(((await response.json()) as { requestId: string }).requestId).toBe(returned);
    }
    const none = await enqueue({});
    expect(none.headers.get('x-request-id')).toMatch(UUID);
  });
});
