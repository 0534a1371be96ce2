// The load generator's own check (no Docker): against a server that drops
// some connections without an answer, answers some 500, and leaves some
// hanging, every one of them is counted as failed and none is retried —
// the server sees each request exactly once. Also proves the load is open
// loop: a server that stalls does not slow the arrival rate down.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadGenerator } from './support/load';

describe('open-loop load generator', () => {
  let server: Server;
  let port = 0;
  const seen = new Map<string, number>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
      seen.set(String(n), (seen.get(String(n)) ?? 0) + 1);
      if (n % 10 === 3) return req.socket.destroy(); // dropped: no answer at all
      if (n % 10 === 5) return void res.writeHead(500).end('boom');
      if (n % 10 === 7) return; // never answered: a timeout
      res.writeHead(200).end('ok');
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('counts dropped, 5xx and unanswered requests as failed, never retrying one', async () => {
    const load = new LoadGenerator({
      port,
      rate: 200,
      timeoutMs: 1_000,
      mix: [{ weight: 1, build: (n) => ({ kind: 'read', method: 'GET', path: `/?n=${n}`, host: 'x' }) }],
    });
    load.start();
    await new Promise((r) => setTimeout(r, 2_000));
    const report = await load.stop();
    const tenths = (digit: number) =>
      Array.from({ length: report.sent }, (_, n) => n).filter((n) => n % 10 === digit).length;
    console.log(
      `load generator self-test: ${JSON.stringify({ ...report, failures: report.failures.length })}`,
    );
    expect(report.sent).toBeGreaterThanOrEqual(380);
    expect(report.byReason['HTTP 500']).toBe(tenths(5));
    expect(report.timeouts).toBe(tenths(7));
    // A dropped connection is a socket error (ECONNRESET / socket hang up), never a success.
    const dropped = Object.entries(report.byReason)
      .filter(([reason]) => reason !== 'HTTP 500' && reason !== 'timeout')
      .reduce((sum, [, count]) => sum + count, 0);
    expect(dropped).toBe(tenths(3));
    expect(report.failed).toBe(tenths(3) + tenths(5) + tenths(7));
    expect(report.ok).toBe(report.sent - report.failed);
    // No retries: every request reached the server exactly once.
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(seen.size).toBe(report.sent);
  });

  it('keeps the arrival rate while the server stalls (open loop)', async () => {
    const stall = createServer(() => undefined); // answers nothing
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    const load = new LoadGenerator({
      port: (stall.address() as AddressInfo).port,
      rate: 150,
      timeoutMs: 500,
      mix: [{ weight: 1, build: (n) => ({ kind: 'read', method: 'GET', path: `/?n=${n}`, host: 'x' }) }],
    });
    load.start();
    await new Promise((r) => setTimeout(r, 2_000));
    const report = await load.stop();
    stall.closeAllConnections();
    await new Promise((resolve) => stall.close(resolve));
    expect(report.sent).toBeGreaterThanOrEqual(280);
    expect(report.timeouts).toBe(report.sent);
    expect(report.ok).toBe(0);
  });
});
