// Smoke test of the Postgres fingerprint benchmark's harness (bench/fingerprint/
// postgres-paths.ts, which `npm run bench:fingerprint:postgres` runs on ≥ 1,000 real tracks):
// on three synthetic tracks in a throw-away database of the machine's PostgreSQL, the
// worker's path and both pure-SQL layouts index, measure and answer — the right track and
// offset for captures of the catalogue, nothing for unrelated audio — and every SQL layout
// decides exactly as the worker does.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { encodeWavPcm16 } from '@zamio/fingerprint';
import { addNoiseAtSnr, makeTrack, renderTrack } from '@zamio/fingerprint/testing';
import { createTestDatabase, type TestDatabase } from '@zamio/testing';
// bench/ is not a workspace project (its scripts run by tsx); this smoke test keeps its harness working.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { measurePostgresPaths, type BenchCapture } from '../../../bench/fingerprint/postgres-paths';

const RATE = 16_000;
let pg: TestDatabase;

beforeAll(async () => {
  pg = await createTestDatabase('zamio_fp_bench_smoke');
});
afterAll(async () => {
  await pg?.drop();
});

it('measures the worker path and the pure-SQL layouts on a tiny synthetic catalogue', async () => {
  const tracks = [11, 22, 33].map((seed) => ({ seed, track: makeTrack(seed, 40) }));
  const captures: BenchCapture[] = [
    ...tracks.map(({ seed, track }, i) => ({
      bytes: encodeWavPcm16(
        [addNoiseAtSnr(renderTrack(track, 44_100, 5 + 7 * i, 10, seed), 10, seed)],
        44_100,
      ),
      title: `track-${seed}`,
      fromS: 5 + 7 * i,
      condition: 'white noise 10 dB',
    })),
    {
      bytes: encodeWavPcm16([renderTrack(makeTrack(999, 10), 44_100)], 44_100),
      title: null,
      fromS: 0,
      condition: 'unrelated',
    },
  ];
  const result = await measurePostgresPaths({
    databaseUrl: pg.url,
    tracks: tracks.map(({ seed, track }) => ({
      title: `track-${seed}`,
      read: () => encodeWavPcm16([renderTrack(track, RATE)], RATE),
    })),
    captures,
    warmup: 1,
    log: (line) => console.log(new Date().toISOString(), line),
  });

  expect(result.index.failed).toEqual([]);
  expect(result.tracks).toBe(3);
  expect(result.audioHours).toBeCloseTo((3 * 40) / 3600, 4);
  expect(result.postings).toBeGreaterThan(1000);
  expect(result.store.rows).toBe(3);
  expect(result.store.totalBytes).toBeGreaterThan(result.store.heapBytes);

  expect(result.worker.captures).toBe(4);
  expect(result.worker.right).toBe(4);
  expect(result.worker.wrongTrack).toBe(0);
  expect(result.worker.wallMs).toHaveLength(4);
  expect(result.worker.cpuMs.every((ms) => ms > 0)).toBe(true);
  // The worker path runs in a process of its own: its whole timed pass costs at least its captures.
  const captureCpu = result.worker.cpuMs.reduce((a, b) => a + b, 0);
  expect(result.workerPassCpuMs).toBeGreaterThanOrEqual(captureCpu * 0.99);
  expect(result.load.cpuSeconds).toBeGreaterThan(0);

  expect(result.stages.decode['wav']).toHaveLength(4);
  for (const step of [result.stages.fingerprint, result.stages.refresh, result.stages.lookupDecide])
    expect(step).toHaveLength(4);
  expect(result.stages.fingerprint.every((ms) => ms > 0)).toBe(true);

  expect(result.sql.map((l) => l.table)).toEqual(['bench_postings', 'bench_buckets']);
  const postings = result.sql[0]!;
  expect(postings.rows).toBe(result.postings);
  expect(result.sql[1]!.rows).toBeGreaterThan(0);
  expect(result.sql[1]!.rows).toBeLessThanOrEqual(result.postings);
  for (const layout of result.sql) {
    expect(layout.totalBytes).toBeGreaterThan(0);
    expect(layout.timing.right).toBe(4);
    expect(layout.timing.sameAsWorker).toBe(4);
    expect(Math.max(...layout.timing.rows)).toBeGreaterThan(0);
  }
  // Starts PostgreSQL work of its own (migrations, three fingerprint jobs, two tables built).
}, 300_000);
