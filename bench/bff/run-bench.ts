// `npm run bench:bff`: throughput and p99 latency of the bff (production
// settings: JSON logs at warn, real Postgres, one process) against a plain
// node:http + pg server doing the same work, for /livez and one database-backed
// route, side by side in one run. Writes the table into docs/performance.md
// between the bff-bench markers. Not part of `npm test`.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadBffConfig } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { openPlatform } from '@zamio/platform';
import { heartbeatsRepository } from '@zamio/system-status';
import {
  bootstrapAdmin,
  createTestDatabase,
  createTestRedis,
  freePort,
  runEntry,
  signedInHeaders,
  type RunningEntry,
} from '@zamio/testing';

const ROOT = join(import.meta.dirname, '../..');
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUTES = ['/livez', '/api/system/heartbeats'] as const;

interface Result {
  target: string;
  route: string;
  rps: number[];
  p99: number[];
  errors: number;
  shed: number;
}

async function waitForHttp(url: string, server: RunningEntry): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`server exited with ${server.child.exitCode}:\n${server.output()}`);
    if (
      (await fetch(url).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not ready within 60 s`);
}

async function stopServer(server: RunningEntry): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  server.child.kill('SIGKILL');
}

async function load(
  url: string,
  headers: Record<string, string>,
): Promise<{ rps: number; p99: number; errors: number; shed: number }> {
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: DURATION_S,
    pipelining: 1,
  });
  // Only successful answers count as throughput; 503s from load shedding are reported apart.
  const shed = (result.statusCodeStats as Record<string, { count: number }> | undefined)?.['503']?.count ?? 0;
  return {
    rps: result['2xx'] / result.duration,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx - shed,
    shed,
  };
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

async function main(): Promise<void> {
  const testDb = await createTestDatabase('zamio_bench');
  const testRedis = createTestRedis();
  const servers: RunningEntry[] = [];
  // GET /api/system/heartbeats is admin-only: an admin created at start signs in once.
  const opsAdmin = bootstrapAdmin();
  try {
    const [bffPort, plainPort] = [await freePort(), await freePort()];
    // The bff as production runs it (its own entry point and config), one process.
    const bffEnv = {
      ZAMIO_ENV: 'production',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      HOST: '127.0.0.1',
      PORT: String(bffPort),
      WEB_CONCURRENCY: '1',
      METRICS_PORT: '0',
      TRUST_PROXY: 'loopback',
      PUBLIC_API_URL: 'https://api.bench.invalid',
      // All load comes from one IP: lift the per-IP limit (its Redis check still runs).
      RATE_LIMIT_GLOBAL_MAX: '1000000000',
      SESSION_SECRET: randomBytes(48).toString('base64'),
      DATABASE_URL: testDb.url,
      REDIS_URL: testRedis.url,
      REDIS_KEY_PREFIX: testRedis.prefix,
      MIGRATE_ON_START: 'false',
      SHUTDOWN_DRAIN_DELAY: '0',
      UPLOAD_DIR: join(tmpdir(), 'zamio-bench-uploads'),
      ...opsAdmin.env,
    };
    // Set-up through the same platform start-up as the bff: migrations, then 50
    // heartbeats (the route returns at most 50).
    const config = loadBffConfig(bffEnv);
    const logger = createLogger({ service: 'bench-setup', version: 'bench', level: 'warn', pretty: false });
    const setup = await openPlatform(config, { service: 'bench-setup', logger, jobs: false, migrate: true });
    for (let i = 1; i <= 50; i++)
      await heartbeatsRepository.record(setup.db, {
        service: 'worker',
        instance: `bench-${i}`,
        version: '1.0.0',
        requestId: `req-${i}`,
      });
    await setup.close();

    const bff = runEntry('apps/bff/src/main.ts', bffEnv, ROOT);
    const plain = runEntry(
      'bench/bff/plain-server.ts',
      {
        PLAIN_PORT: String(plainPort),
        PLAIN_DATABASE_URL: testDb.url,
        PLAIN_SESSION_SECRET: bffEnv.SESSION_SECRET,
      },
      ROOT,
    );
    servers.push(bff, plain);
    const targets = [
      { name: 'bff (Fastify)', base: `http://127.0.0.1:${bffPort}`, server: bff },
      { name: 'plain node:http + pg', base: `http://127.0.0.1:${plainPort}`, server: plain },
    ];
    for (const target of targets) await waitForHttp(`${target.base}/livez`, target.server);
    // One admin session, valid for both (same database, same cookie secret); /livez ignores it.
    const admin = await signedInHeaders(targets[0]!.base, opsAdmin.credentials);
    const headers = { cookie: admin.cookie };

    const results: Result[] = [];
    for (const route of ROUTES) {
      for (const target of targets)
        results.push({ target: target.name, route, rps: [], p99: [], errors: 0, shed: 0 });
      // Warm-up, then alternate the targets run by run so drift hits both alike.
      for (const target of targets)
        await autocannon({ url: `${target.base}${route}`, headers, connections: CONNECTIONS, duration: 2 });
      for (let run = 0; run < RUNS; run++) {
        for (const target of targets) {
          const measured = await load(`${target.base}${route}`, headers);
          const entry = results.find((r) => r.target === target.name && r.route === route)!;
          entry.rps.push(measured.rps);
          entry.p99.push(measured.p99);
          entry.errors += measured.errors;
          entry.shed += measured.shed;
          console.log(
            `${route} ${target.name} run ${run + 1}: ${measured.rps.toFixed(0)} ok req/s, p99 ${measured.p99} ms, shed ${measured.shed}, errors ${measured.errors}`,
          );
        }
      }
    }
    writeReport(results);
  } finally {
    for (const server of servers) await stopServer(server);
    await testRedis.cleanup();
    await testDb.drop();
    opsAdmin.cleanup();
  }
}

function writeReport(results: Result[]): void {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:bff\` on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.versions.node}; ` +
      `autocannon with ${CONNECTIONS} connections, ${DURATION_S} s per run, ${RUNS} runs per target (mean shown), load generator on the same machine, other work running on it meanwhile (numbers are noisy; compare the ratio within one run). Throughput counts 2xx answers only; "shed" counts 503 load-shedding answers. ` +
      'bff: one process (WEB_CONCURRENCY=1), ZAMIO_ENV=production, JSON logs at warn, every production plugin on (security headers, request id and context, HTTPS redirect, HTTP metrics, load shedding, Redis-backed rate limits with the per-IP ceiling lifted because all load comes from one IP; CORS is registered only with CORS_ORIGINS set, and a same-origin deployment sets none). ' +
      'Baseline: plain node:http + pg doing the same query and JSON mapping. Same Postgres database for both. `/api/system/heartbeats` is admin-only: both servers are sent one admin session cookie and both check its signature and look the session up before the query.',
    '',
    '| route | server | 2xx req/s | p99 ms | shed (503) | errors | bff / plain 2xx req/s |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const route of ROUTES) {
    const [bff, plain] = ['bff (Fastify)', 'plain node:http + pg'].map((name) =>
      results.find((r) => r.route === route && r.target === name)!,
    );
    const ratio = mean(bff!.rps) / mean(plain!.rps);
    for (const r of [bff!, plain!]) {
      lines.push(
        `| \`${route}\` | ${r.target} | ${mean(r.rps).toFixed(0)} | ${mean(r.p99).toFixed(0)} | ${r.shed} | ${r.errors} | ${r === bff ? `${(ratio * 100).toFixed(0)} %` : ''} |`,
      );
    }
  }
  const section = `<!-- bff-bench:start -->\n${lines.join('\n')}\n<!-- bff-bench:end -->`;
  const file = join(ROOT, 'docs/performance.md');
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Performance\n\n## bff throughput\n\n<!-- bff-bench:start -->\n<!-- bff-bench:end -->\n';
  const next = /<!-- bff-bench:start -->[\s\S]*<!-- bff-bench:end -->/.test(current)
    ? current.replace(/<!-- bff-bench:start -->[\s\S]*<!-- bff-bench:end -->/, section)
    : `${current.trimEnd()}\n\n## bff throughput\n\n${section}\n`;
  writeFileSync(file, next);
  console.log(`\n${lines.join('\n')}\n\nwritten to docs/performance.md`);
}

await main();
