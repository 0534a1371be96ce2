// The fingerprint store measured as the platform runs it, on PostgreSQL: tracks indexed by the
// worker's fingerprint job (createLibraryIndexService → createFingerprintService: decode,
// fingerprintPcm, one transaction into track_fingerprints + the change log), captures
// recognised by the match job's own step (identifyCaptureAudio: decode, fingerprintQuery,
// index.refresh() — one round trip to Postgres —, lookup in the packed index that
// createFingerprintIndex loaded from Postgres, the library's decision) in a process of its own
// that holds what the worker holds (worker-path-child.ts). Beside it, for the
// record, two pure-SQL lookups built from the same rows — one row per posting with a covering
// index, and one row per hash with its postings packed in a bytea — each answering a capture
// with one `hash = ANY($1)` query (the sorted, distinct int4[] from queryHashes) and the same
// groupPostings + decideMatch. Used by run-postgres-bench.ts (≥ 1,000 real tracks) and by the
// smoke test in tools/fp/test (three synthetic tracks).
import { createHash } from 'node:crypto';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { usersRepository } from '@zamio/accounts';
import { decodeAudio } from '@zamio/audio';
import { createFingerprintService, createLibraryIndexService, fingerprintsRepository } from '@zamio/catalog';
import { migrate } from '@zamio/db';
import { openBenchDatabase } from './bench-database.ts';
import {
  decideMatch,
  FINGERPRINT_PARAMS_VERSION,
  fingerprintQuery,
  groupPostings,
  queryHashes,
} from '@zamio/fingerprint';
import { CAPTURE_MAX_SECONDS } from '@zamio/contracts';
import type { ChildMessage, ChildResult, ParentMessage } from './worker-path-child.ts';
import { imageNodeFlags } from '../../tools/docker/image-node-flags.mjs';

export interface BenchTrack {
  /** The track's title in the catalogue (unique). */
  readonly title: string;
  /** The audio file's bytes, as storage would hand them to the worker. */
  readonly read: () => Uint8Array | Promise<Uint8Array>;
}

export interface BenchCapture {
  readonly bytes: Uint8Array;
  /** Title of the track it was cut from, or null for audio that must not match. */
  readonly title: string | null;
  /** Where it starts in that track, seconds. */
  readonly fromS: number;
  readonly condition: string;
}

export interface PathTiming {
  /** Wall ms per capture, decode → decision. */
  readonly wallMs: number[];
  /** CPU ms per capture of the process that ran it (the Postgres server's CPU is not in it). */
  readonly cpuMs: number[];
  readonly rows: number[];
  /** Captures whose answer is the right track at the right offset (±0.5 s) / no answer for a negative. */
  readonly right: number;
  readonly wrongTrack: number;
  /** Decisions equal to the worker path's (track, offset, score), capture by capture. */
  readonly sameAsWorker: number;
  readonly captures: number;
}

export interface StageTiming {
  /** Decode by the capture's format (`wav`, `mp3`, …). */
  readonly decode: Record<string, number[]>;
  readonly fingerprint: number[];
  /** `index.refresh()` finding nothing new: one round trip. */
  readonly refresh: number[];
  /** Lookup in the packed index + the library's vote and decision. */
  readonly lookupDecide: number[];
}

export interface SqlLayout {
  readonly name: string;
  readonly table: string;
  readonly rows: number;
  readonly heapBytes: number;
  readonly indexBytes: number;
  readonly totalBytes: number;
  readonly buildSeconds: number;
  readonly timing: PathTiming;
}

export interface PostgresPathsResult {
  readonly serverVersion: string;
  readonly tracks: number;
  readonly audioHours: number;
  readonly postings: number;
  readonly index: { wallSeconds: number; cpuSeconds: number; failed: string[] };
  readonly store: {
    rows: number;
    heapBytes: number;
    toastBytes: number;
    indexBytes: number;
    totalBytes: number;
  };
  readonly load: { wallSeconds: number; cpuSeconds: number };
  readonly worker: PathTiming;
  /** CPU ms of the worker-path process over its whole timed pass (the captures and their hand-over). */
  readonly workerPassCpuMs: number;
  /** 1-minute load average when the worker path's timing began and ended. */
  readonly workerLoad: { before: number; after: number };
  /** The worker path's steps timed one by one over the same captures (CPU ms per capture). */
  readonly stages: StageTiming;
  /** V8's main-thread pauses during the worker path's timed pass, by kind. */
  readonly workerGc: ChildResult['gc'];
  /** The worker path again in a child without the image's node flags (CPU ms per capture, pauses). */
  readonly withoutImageFlags: { cpuMs: number[]; gc: ChildResult['gc'] };
  readonly sql: SqlLayout[];
}

/** V8's pauses by kind as the report writes them: "mark-compact 51× (167 ms), …", or "none". */
export function describeGcPauses(gc: ChildResult['gc']): string {
  return (
    Object.entries(gc)
      .map(([kind, { count, ms }]) => `${kind} ${count}× (${ms.toFixed(0)} ms)`)
      .join(', ') || 'none'
  );
}

const OFFSET_TOLERANCE_S = 0.5;
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Answer {
  track: number;
  offsetSeconds: number;
  score: number;
}

export async function measurePostgresPaths({
  databaseUrl,
  tracks,
  captures,
  sqlCaptures = captures.length,
  warmup = 10,
  log = () => {},
  aroundTiming = (timed) => timed(),
}: {
  databaseUrl: string;
  tracks: readonly BenchTrack[];
  captures: readonly BenchCapture[];
  /** How many of the captures go through the pure-SQL layouts too (they are slow). */
  sqlCaptures?: number;
  warmup?: number;
  log?: (line: string) => void;
  /**
   * Runs the timed part (every path's captures): the bench takes the machine's heavy-work
   * lock here, so indexing, loading and building the SQL tables happen before it.
   */
  aroundTiming?: <T>(timed: () => Promise<T>) => Promise<T>;
}): Promise<PostgresPathsResult> {
  const db = openBenchDatabase(databaseUrl, {
    statementTimeoutMs: 1_800_000,
    applicationName: 'zamio-fp-bench',
  });
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'zamio-fp-bench-sql' });
  let child: WorkerPath | undefined;
  let plainChild: WorkerPath | undefined;
  try {
    await migrate(db);
    log('  migrated');
    await client.connect();
    const serverVersion = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!
      .server_version;

    // ---- Index: the worker's fingerprint job for every track.
    await usersRepository.insertApprovedIfAbsent(db, {
      email: 'fp-bench@operators.zamio.invalid',
      displayName: 'fp-bench',
      role: 'artist',
      passwordHash: '!',
    });
    const owner = (await usersRepository.findByEmail(db, 'fp-bench@operators.zamio.invalid'))!.id;
    const byKey = new Map(tracks.map((t, i) => [`bench-track-${i}`, t]));
    const fingerprints = createFingerprintService({
      db,
      readAudio: async (key) => byKey.get(key)!.read(),
    });
    const library = createLibraryIndexService({ db, fingerprints });
    const failed: string[] = [];
    const wall0 = performance.now();
    const cpu0 = cpuNow();
    for (const [i, track] of tracks.entries()) {
      const result = await library.indexFile(owner, {
        name: track.title,
        storageKey: `bench-track-${i}`,
        sizeBytes: 1,
        sha256: createHash('sha256').update(track.title).digest('hex'),
        mimeType: 'audio/wav',
      });
      if (result.outcome !== 'ready') failed.push(`${track.title}: ${JSON.stringify(result)}`);
      if (i % 100 === 99) log(`  indexed ${i + 1}/${tracks.length}`);
    }
    const index = {
      wallSeconds: (performance.now() - wall0) / 1000,
      cpuSeconds: (cpuNow() - cpu0) / 1000,
      failed,
    };
    await client.query('VACUUM ANALYZE track_fingerprints');
    const size = await fingerprintsRepository.storeSize(db, FINGERPRINT_PARAMS_VERSION);
    const store = await relationSizes(client, 'track_fingerprints');
    const numbers = (
      await client.query<{ number: number; track_id: string; title: string }>(
        'SELECT f.number, f.track_id, t.title FROM track_fingerprints f JOIN tracks t ON t.id = f.track_id',
      )
    ).rows;
    const numberOfTrack = new Map(numbers.map((r) => [r.track_id, r.number]));
    const numberOf = new Map(numbers.map((r) => [r.title, r.number]));

    const judge = (capture: BenchCapture, answer: Answer | null) => {
      if (capture.title === null) return answer === null ? 'right' : 'wrong';
      if (!answer) return 'none';
      if (answer.track !== numberOf.get(capture.title)) return 'wrong';
      return Math.abs(answer.offsetSeconds - capture.fromS) <= OFFSET_TOLERANCE_S ? 'right' : 'offset';
    };
    // ---- Pure SQL, two layouts built from the same rows (before the timed part).
    const built: Omit<SqlLayout, 'timing'>[] = [];
    for (const layout of SQL_LAYOUTS) {
      const t0 = performance.now();
      for (const statement of layout.build)
        await client.query(statement, statement.includes('$1') ? [FINGERPRINT_PARAMS_VERSION] : []);
      await client.query(`VACUUM ANALYZE ${layout.table}`);
      const buildSeconds = (performance.now() - t0) / 1000;
      built.push({
        name: layout.name,
        table: layout.table,
        ...(await relationSizes(client, layout.table)),
        buildSeconds,
      });
    }
    log('  SQL layouts built');

    // ---- The worker's path, in a process of its own (worker-path-child.ts): it loads the
    // packed index from Postgres now, and times the captures once the lock is held.
    child = await startWorkerPath(databaseUrl, captures, warmup, imageNodeFlags('worker'));
    // The same path in a child started without the image's node flags, timed right after it in
    // the same run, so the flags' effect is a ratio measured side by side.
    plainChild = await startWorkerPath(databaseUrl, captures, warmup, []);
    const { load, run } = child;
    const timed = await aroundTiming(async () => {
      const loadBefore = loadavg()[0]!;
      const fromChild = await run();
      const workerLoad = { before: loadBefore, after: loadavg()[0]! };
      const workerAnswers: (Answer | null)[] = fromChild.answers.map(
        (a) =>
          a && { track: numberOfTrack.get(a.trackId) ?? -1, offsetSeconds: a.offsetSeconds, score: a.score },
      );
      const worker = summarise(
        captures,
        fromChild.wallMs,
        fromChild.cpuMs,
        workerAnswers,
        captures.map(() => fromChild.postings),
        judge,
        () => true,
      );
      // By thirds of the pass: a falling mean means start-up work (the index load's garbage) is
      // still being paid for by the first captures.
      const third = Math.ceil(fromChild.cpuMs.length / 3);
      const thirds = [0, 1, 2].map((k) => fromChild.cpuMs.slice(k * third, (k + 1) * third));
      const means = thirds.map((t) => (t.reduce((a, b) => a + b, 0) / Math.max(1, t.length)).toFixed(1));
      const pauses = describeGcPauses(fromChild.gc);
      log(
        `  worker path: ${captures.length} captures; CPU ms mean by thirds of the pass ${means.join(' / ')}; ` +
          `GC pauses on the main thread: ${pauses}`,
      );
      const stages = fromChild.stages;
      const workerPassCpuMs = fromChild.passCpuMs;
      const plain = await plainChild!.run();
      const withoutImageFlags = { cpuMs: plain.cpuMs, gc: plain.gc };
      log(`  worker path without the image's node flags: ${captures.length} captures`);

      const sqlSet = captures.slice(0, sqlCaptures);
      const sql: SqlLayout[] = [];
      for (const [i, layout] of SQL_LAYOUTS.entries()) {
        for (const capture of sqlSet.slice(0, warmup))
          await layout.lookup(client, await queryOf(capture.bytes));
        let k = 0;
        const timing = await timePath(
          sqlSet,
          async (capture) => {
            const query = await queryOf(capture.bytes);
            const { lists, rows } = await layout.lookup(client, query);
            const decision = decideMatch(query, lists);
            return {
              answer: decision && {
                track: decision.track,
                offsetSeconds: decision.offsetSeconds,
                score: decision.score,
              },
              rows,
            };
          },
          judge,
          (answer) => same(answer, workerAnswers[k++] ?? null),
        );
        sql.push({ ...built[i]!, timing });
        log(`  ${layout.name}: ${sqlSet.length} captures`);
      }
      return { worker, workerLoad, workerPassCpuMs, stages, workerGc: fromChild.gc, withoutImageFlags, sql };
    });

    return {
      serverVersion,
      tracks: size.tracks,
      audioHours: size.audioMs / 3_600_000,
      postings: size.postings,
      index,
      store: { ...store, toastBytes: store.totalBytes - store.heapBytes - store.indexBytes },
      load,
      ...timed,
    };
  } finally {
    child?.stop();
    plainChild?.stop();
    await client.end().catch(() => {});
    await db.close();
  }
}

const same = (a: Answer | null, b: Answer | null): boolean =>
  a === null || b === null
    ? a === b
    : a.track === b.track && Math.abs(a.offsetSeconds - b.offsetSeconds) < 1e-6 && a.score === b.score;

/** The match job's decode and fingerprint, for the SQL layouts. */
async function queryOf(bytes: Uint8Array) {
  const decoded = await decodeAudio(bytes, { maxDurationSeconds: CAPTURE_MAX_SECONDS + 1 });
  return fingerprintQuery(decoded.samples, decoded.sampleRate);
}

interface WorkerPath {
  load: { wallSeconds: number; cpuSeconds: number };
  run: () => Promise<ChildResult>;
  /** Ends the child if it is still there (a failure elsewhere must not leave it waiting). */
  stop: () => void;
}

const CHILD = fileURLToPath(new URL('./worker-path-child.ts', import.meta.url));

/**
 * Forks worker-path-child.ts and has it load the index from Postgres; `run()` then hands it
 * the captures one at a time and returns its timings. The child runs TypeScript through tsx
 * with the node flags given (the worker's: the CMD of docker/node.Dockerfile's worker stage)
 * and nothing else: NODE_OPTIONS is cleared, so the bench's own heap flags (a larger young
 * generation for the indexing) do not flatter the worker's path.
 */
async function startWorkerPath(
  databaseUrl: string,
  captures: readonly BenchCapture[],
  warmup: number,
  nodeFlags: string[],
): Promise<WorkerPath> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fork(CHILD, [], {
    execArgv: [...nodeFlags, '--import', tsx],
    env: { ...process.env, NODE_OPTIONS: '' },
    serialization: 'advanced',
  });
  let loaded: (load: { wallSeconds: number; cpuSeconds: number }) => void = () => {};
  let done: (result: ChildResult) => void = () => {};
  let failed: (error: Error) => void = () => {};
  const exited = new Promise<never>((_, reject) => {
    failed = reject;
    child.once('exit', (code, signal) =>
      reject(new Error(`the worker-path child exited (${code ?? signal})`)),
    );
  });
  exited.catch(() => {});
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'loaded') loaded(message.load);
    else if (message.type === 'need')
      child.send({
        type: 'capture',
        i: message.i,
        bytes: captures[message.i]!.bytes,
      } satisfies ParentMessage);
    else if (message.type === 'done') done(message.result);
    else failed(new Error(`the worker-path child failed: ${message.message}`));
  });
  const load = await Promise.race([
    new Promise<{ wallSeconds: number; cpuSeconds: number }>((resolve) => {
      loaded = resolve;
      child.send({
        type: 'load',
        databaseUrl,
      } satisfies ParentMessage);
    }),
    exited,
  ]);
  return {
    load,
    run: () =>
      Promise.race([
        new Promise<ChildResult>((resolve) => {
          done = resolve;
          child.send({ type: 'time', captures: captures.length, warmup } satisfies ParentMessage);
        }),
        exited,
      ]),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

/** Scores a path's answers (the right track at the right offset, wrong tracks, agreement). */
function summarise(
  captures: readonly BenchCapture[],
  wallMs: number[],
  cpuMs: number[],
  answers: readonly (Answer | null)[],
  rows: number[],
  judge: (capture: BenchCapture, answer: Answer | null) => string,
  agrees: (answer: Answer | null) => boolean,
): PathTiming {
  let right = 0;
  let wrongTrack = 0;
  let sameAsWorker = 0;
  captures.forEach((capture, i) => {
    const answer = answers[i] ?? null;
    const verdict = judge(capture, answer);
    if (verdict === 'right') right++;
    if (verdict === 'wrong') wrongTrack++;
    if (agrees(answer)) sameAsWorker++;
  });
  return { wallMs, cpuMs, rows, right, wrongTrack, sameAsWorker, captures: captures.length };
}

async function timePath(
  captures: readonly BenchCapture[],
  run: (capture: BenchCapture) => Promise<{ answer: Answer | null; rows: number }>,
  judge: (capture: BenchCapture, answer: Answer | null) => string,
  agrees: (answer: Answer | null) => boolean,
): Promise<PathTiming> {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const rows: number[] = [];
  const answers: (Answer | null)[] = [];
  for (const capture of captures) {
    const w = performance.now();
    const c = cpuNow();
    const { answer, rows: n } = await run(capture);
    cpuMs.push(cpuNow() - c);
    wallMs.push(performance.now() - w);
    rows.push(n);
    answers.push(answer);
  }
  return summarise(captures, wallMs, cpuMs, answers, rows, judge, agrees);
}

async function relationSizes(client: pg.Client, table: string) {
  const { rows } = await client.query<{ heap: string; index: string; total: string; rows: string }>(
    `SELECT pg_relation_size($1::regclass) AS heap, pg_indexes_size($1::regclass) AS index,
            pg_total_relation_size($1::regclass) AS total, (SELECT count(*) FROM ${table}) AS rows`,
    [table],
  );
  return {
    rows: Number(rows[0]!.rows),
    heapBytes: Number(rows[0]!.heap),
    indexBytes: Number(rows[0]!.index),
    totalBytes: Number(rows[0]!.total),
  };
}

interface Layout {
  name: string;
  table: string;
  build: string[];
  lookup: (
    client: pg.Client,
    query: ReturnType<typeof fingerprintQuery>,
  ) => Promise<{ lists: ReturnType<typeof groupPostings>; rows: number }>;
}

const SQL_LAYOUTS: Layout[] = [
  {
    name: 'one row per posting, btree on hash INCLUDE (track, offset)',
    table: 'bench_postings',
    build: [
      `CREATE TABLE bench_postings AS
         SELECT p.hash, f.number AS track, p.off AS "offset"
           FROM track_fingerprints f, unnest(f.hashes, f.offsets) AS p(hash, off)
          WHERE f.params_version = $1 ORDER BY p.hash`,
      'CREATE INDEX bench_postings_hash ON bench_postings (hash) INCLUDE (track, "offset")',
    ],
    async lookup(client, query) {
      const hashes = queryHashes(query);
      const { rows } = await client.query<[number, number, number]>({
        text: 'SELECT hash, track, "offset" FROM bench_postings WHERE hash = ANY($1::int4[])',
        values: [Array.from(hashes)],
        rowMode: 'array',
      });
      const h = new Uint32Array(rows.length);
      const t = new Uint32Array(rows.length);
      const o = new Uint32Array(rows.length);
      rows.forEach((r, i) => {
        h[i] = r[0];
        t[i] = r[1];
        o[i] = r[2];
      });
      return { lists: groupPostings(hashes, { hashes: h, tracks: t, offsets: o }), rows: rows.length };
    },
  },
  {
    name: 'one row per hash, postings packed in a bytea (8 bytes each)',
    table: 'bench_buckets',
    build: [
      `CREATE TABLE bench_buckets AS
         SELECT p.hash, string_agg(int4send(f.number) || int4send(p.off), ''::bytea) AS postings
           FROM track_fingerprints f, unnest(f.hashes, f.offsets) AS p(hash, off)
          WHERE f.params_version = $1 GROUP BY p.hash ORDER BY p.hash`,
      'ALTER TABLE bench_buckets ADD PRIMARY KEY (hash)',
    ],
    async lookup(client, query) {
      const hashes = queryHashes(query);
      const { rows } = await client.query<[number, Buffer]>({
        text: 'SELECT hash, postings FROM bench_buckets WHERE hash = ANY($1::int4[])',
        values: [Array.from(hashes)],
        rowMode: 'array',
      });
      let total = 0;
      for (const r of rows) total += r[1].length / 8;
      const h = new Uint32Array(total);
      const t = new Uint32Array(total);
      const o = new Uint32Array(total);
      let n = 0;
      for (const [hash, bytes] of rows) {
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (let p = 0; p < bytes.length; p += 8) {
          h[n] = hash;
          t[n] = view.getInt32(p);
          o[n++] = view.getInt32(p + 4);
        }
      }
      return { lists: groupPostings(hashes, { hashes: h, tracks: t, offsets: o }), rows: rows.length };
    },
  },
];
