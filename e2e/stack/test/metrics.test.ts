// /metrics, on the internal port only, parses with a Prometheus text-format
// parser and carries the series operators need: HTTP durations by route and
// status, pool usage, event-loop lag, queue depths, job durations, and the
// business counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { startBffAndWorker, type Stack } from './support/bff-and-worker';

const BUSINESS_COUNTERS = [
  'zamio_tracks_fingerprinted_total',
  'zamio_captures_matched_total',
  'zamio_plays_created_total',
  'zamio_royalty_runs_total',
  'zamio_rate_limit_hits_total',
  'zamio_heartbeats_total',
];

interface Scrape {
  families: Map<string, PrometheusFamily>;
  /** Value of `<name>_count` for the series whose labels include `labels`. */
  histogramCount(name: string, labels: Record<string, string>): number | undefined;
}

async function scrape(url: string): Promise<Scrape> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  // The parser rejects malformed exposition text (it ports Prometheus' Go parser).
  const families = parsePrometheusTextFormat(text);
  return {
    families: new Map(families.map((family) => [family.name, family])),
    // The parser merges labelled histogram series and drops their labels, so
    // histogram series are read from the text it has just accepted.
    histogramCount(name, labels) {
      const line = text
        .split('\n')
        .find(
          (l) =>
            l.startsWith(`${name}_count{`) &&
            Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
        );
      return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
    },
  };
}

describe('/metrics', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startBffAndWorker();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('bff: HTTP histogram by route and status, pool, event loop lag, queue depths, business counters', async () => {
    expect(
      (await fetch(`${stack.bff.url}/api/system/heartbeat`, { method: 'POST', headers: stack.admin })).status,
    ).toBe(202);
    const scraped = await scrape(stack.bffMetricsUrl);
    const metrics = scraped.families;

    expect(metrics.get('http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(
      scraped.histogramCount('http_request_duration_seconds', {
        method: 'POST',
        route: '/api/system/heartbeat',
        status: '202',
        service: 'bff',
      }),
    ).toBeGreaterThanOrEqual(1);

    const pool = metrics.get('db_pool_connections');
    expect(pool?.type).toBe('GAUGE');
    expect(pool?.metrics.map((m) => m.labels?.state).sort()).toEqual(['idle', 'max', 'total', 'waiting']);
    expect(Number(pool?.metrics.find((m) => m.labels?.state === 'max')?.value)).toBe(10);

    expect(metrics.get('nodejs_eventloop_lag_seconds')?.type).toBe('GAUGE');
    expect(metrics.get('queue_jobs')?.metrics).toContainEqual(
      expect.objectContaining({ labels: expect.objectContaining({ queue: 'system', state: 'waiting' }) }),
    );
    for (const name of BUSINESS_COUNTERS) expect(metrics.get(name)?.type, name).toBe('COUNTER');
  });

  it('worker: job durations and the heartbeat counter after a job ran', async () => {
    expect(
      (await fetch(`${stack.bff.url}/api/system/heartbeat`, { method: 'POST', headers: stack.admin })).status,
    ).toBe(202);
    await expect
      .poll(
        async () =>
          Number(
            (await scrape(stack.workerMetricsUrl)).families.get('zamio_heartbeats_total')?.metrics[0]
              ?.value ?? 0,
          ),
        { timeout: 15_000, interval: 200 },
      )
      .toBeGreaterThanOrEqual(1);
    const scraped = await scrape(stack.workerMetricsUrl);
    const metrics = scraped.families;
    expect(metrics.get('zamio_job_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(
      scraped.histogramCount('zamio_job_duration_seconds', {
        job: 'system.heartbeat',
        outcome: 'completed',
        service: 'worker',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(metrics.get('db_pool_connections')).toBeDefined();
    expect(metrics.get('nodejs_eventloop_lag_seconds')).toBeDefined();
  });

  it('is not served on the public listener', async () => {
    const response = await fetch(`${stack.bff.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/http_request_duration_seconds/);
  });
});
