// The worker's path timed in a process of its own (forked by postgres-paths.ts), holding what
// the worker's match job holds: a Postgres pool, the packed index createFingerprintIndex loads
// from Postgres, and the one capture at hand. The bench process around it also holds the
// catalogue's PCM, every capture's bytes, the SQL layouts' rows and the indexing's garbage;
// timed there, a capture paid for that heap's collections and cache misses (lookup and
// decision measured 2–5× dearer than in a process of its own). Every capture goes through
// identifyCaptureAudio — decode, fingerprintQuery, refresh() (one round trip), lookup,
// decideMatch — and all of this process's CPU from the bytes to the decision counts.
//
// Protocol (node IPC, structured-clone serialization so bytes travel as Uint8Array):
//   parent → { type: 'load', databaseUrl }        child → { type: 'loaded', load }
//   parent → { type: 'time', captures, warmup }   (the parent holds the heavy-work lock from here)
//   child  → { type: 'need', i }                  parent → { type: 'capture', i, bytes }
//   child  → { type: 'done', result }             (then the child disconnects and exits)
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { identifyCaptureAudio } from '@zamio/airplay';
import { decodeAudio } from '@zamio/audio';
import { createFingerprintIndex, type FingerprintIndex } from '@zamio/catalog';
import { CAPTURE_MAX_SECONDS } from '@zamio/contracts';
import type { Database } from '@zamio/db';
import { openBenchDatabase } from './bench-database.ts';
import { fingerprintQuery, matchQuery } from '@zamio/fingerprint';

export type ParentMessage =
  | { type: 'load'; databaseUrl: string }
  | { type: 'time'; captures: number; warmup: number }
  | { type: 'capture'; i: number; bytes: Uint8Array };

export interface ChildAnswer {
  trackId: string;
  offsetSeconds: number;
  score: number;
}

export interface ChildResult {
  /** Per capture of the timed pass: wall and CPU ms from the bytes to the decision, and the answer. */
  wallMs: number[];
  cpuMs: number[];
  answers: (ChildAnswer | null)[];
  /** This process's CPU over the whole timed pass (captures + the IPC that hands them over), ms. */
  passCpuMs: number;
  postings: number;
  /** V8's pauses on the main thread during the timed pass, by kind: count and ms. */
  gc: Record<string, { count: number; ms: number }>;
  stages: {
    decode: Record<string, number[]>;
    fingerprint: number[];
    refresh: number[];
    lookupDecide: number[];
  };
}

export type ChildMessage =
  | { type: 'loaded'; load: { wallSeconds: number; cpuSeconds: number } }
  | { type: 'need'; i: number }
  | { type: 'done'; result: ChildResult }
  | { type: 'failed'; message: string };

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const send = (message: ChildMessage) => process.send!(message);

const waiting = new Map<number, (bytes: Uint8Array) => void>();
/** One capture's bytes from the parent; nothing else of the capture set lives here. */
function capture(i: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    waiting.set(i, resolve);
    send({ type: 'need', i });
  });
}

type Loaded = { index: FingerprintIndex; db: Database };

async function load(databaseUrl: string): Promise<Loaded> {
  const db = openBenchDatabase(databaseUrl, {
    statementTimeoutMs: 60_000,
    applicationName: 'zamio-fp-bench-worker',
  });
  const index = createFingerprintIndex({ db });
  const wall0 = performance.now();
  const cpu0 = cpuNow();
  await index.refresh();
  send({
    type: 'loaded',
    load: { wallSeconds: (performance.now() - wall0) / 1000, cpuSeconds: (cpuNow() - cpu0) / 1000 },
  });
  return { index, db };
}

async function time({ index, db }: Loaded, count: number, warmup: number): Promise<ChildResult> {
  try {
    for (let i = 0; i < Math.min(warmup, count); i++) await identifyCaptureAudio(await capture(i), index);

    const wallMs: number[] = [];
    const cpuMs: number[] = [];
    const answers: (ChildAnswer | null)[] = [];
    const profiling = process.env.BENCH_CPU_PROFILE
      ? await startProfile(process.env.BENCH_CPU_PROFILE)
      : null;
    const gc = watchGc();
    const pass0 = cpuNow();
    for (let i = 0; i < count; i++) {
      const bytes = await capture(i);
      const w = performance.now();
      const c = cpuNow();
      const { match } = await identifyCaptureAudio(bytes, index);
      cpuMs.push(cpuNow() - c);
      wallMs.push(performance.now() - w);
      answers.push(
        match && { trackId: match.trackId, offsetSeconds: match.offsetSeconds, score: match.score },
      );
    }
    const passCpuMs = cpuNow() - pass0;
    const gcPauses = gc.stop();
    await profiling?.stop();

    // The same steps one at a time with the same functions and arguments, each timed alone.
    const stages: ChildResult['stages'] = { decode: {}, fingerprint: [], refresh: [], lookupDecide: [] };
    for (let i = 0; i < count; i++) {
      const bytes = await capture(i);
      let c = cpuNow();
      const decoded = await decodeAudio(bytes, { maxDurationSeconds: CAPTURE_MAX_SECONDS + 1 });
      (stages.decode[decoded.source.format] ??= []).push(cpuNow() - c);
      c = cpuNow();
      const query = fingerprintQuery(decoded.samples, decoded.sampleRate);
      stages.fingerprint.push(cpuNow() - c);
      c = cpuNow();
      await index.refresh();
      stages.refresh.push(cpuNow() - c);
      c = cpuNow();
      matchQuery(index, query);
      stages.lookupDecide.push(cpuNow() - c);
    }
    return { wallMs, cpuMs, answers, passCpuMs, postings: index.size().postings, gc: gcPauses, stages };
  } finally {
    await db.close();
  }
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

/** Sums V8's main-thread GC pauses by kind until stop() (perf_hooks' 'gc' entries). */
function watchGc(): { stop: () => ChildResult['gc'] } {
  const totals: ChildResult['gc'] = {};
  const add = (entries: PerformanceEntry[]) => {
    for (const entry of entries) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind ?? 0;
      const total = (totals[GC_KINDS[kind] ?? `kind ${kind}`] ??= { count: 0, ms: 0 });
      total.count++;
      total.ms += entry.duration;
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      add(observer.takeRecords());
      observer.disconnect();
      return totals;
    },
  };
}

/**
 * `BENCH_CPU_PROFILE=<file>.cpuprofile`: a V8 CPU profile of the timed pass alone (for finding
 * where the CPU goes; the profiler's overhead makes that run's timings unfit to report).
 */
async function startProfile(path: string): Promise<{ stop: () => Promise<void> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

const fail = (error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.disconnect();
};
let loading: Promise<Loaded> | undefined;
process.on('message', (message: ParentMessage) => {
  if (message.type === 'capture') {
    const resolve = waiting.get(message.i);
    waiting.delete(message.i);
    resolve?.(message.bytes);
  } else if (message.type === 'load') {
    loading = load(message.databaseUrl);
    loading.catch(fail);
  } else {
    const loaded = loading ?? Promise.reject(new Error("'time' before 'load'"));
    loaded
      .then((state) => time(state, message.captures, message.warmup))
      .then((result) => {
        send({ type: 'done', result });
        process.disconnect();
      }, fail);
  }
});
