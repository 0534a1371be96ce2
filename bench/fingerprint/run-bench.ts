// `npm run bench:fingerprint [-- --half=tune] [-- --write]`: recognition accuracy and speed of
// libs/fingerprint on real recorded music (see corpus.ts and captures.ts). Indexes every
// catalog track, then matches the captures and negatives of one half: "test" (held out,
// the default and the only half whose numbers are written to docs/performance.md) or
// "tune" (the half parameters were tuned on). CPU time (process.cpuUsage) rather than wall
// time, because the machine is shared. Not part of `npm test`.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import {
  countVotes,
  decideMatch,
  decodeWavPcm,
  DEFAULT_MATCH_OPTIONS,
  FINGERPRINT_PARAMS_VERSION,
  fingerprintPcm,
  fingerprintQuery,
  PackedIndexBuilder,
  queryHashes,
  type MatchDecision,
} from '@zamio/fingerprint';
import { negativeCaptures, positiveCaptures, CONDITIONS, LENGTHS, type Capture } from './captures.ts';
import { catalogTracks, ensureTools, SEED } from './corpus.ts';

const ROOT = join(import.meta.dirname, '../..');
const half = (process.argv.find((a) => a.startsWith('--half='))?.slice(7) ?? 'test') as 'tune' | 'test';
const write = process.argv.includes('--write');
if (write && half !== 'test')
  throw new Error('only the held-out half ("test") is written to docs/performance.md');
/** A right-track answer whose offset is further off than this counts as wrong. */
const OFFSET_TOLERANCE_S = 0.25;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const asc = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

ensureTools();
const catalog = catalogTracks();
console.log(
  `catalog: ${catalog.length} tracks (${catalog.filter((t) => t.half === 'test').length} held out)`,
);

// ---- Index: WAV bytes (read outside the clock) → decode → resample → fingerprint → postings.
const builder = new PackedIndexBuilder();
let indexCpu = 0;
let audioSeconds = 0;
let decodeCpu = 0;
for (const [n, track] of catalog.entries()) {
  const bytes = readFileSync(track.wavPath);
  const t0 = cpuMs();
  const wav = decodeWavPcm(bytes);
  const t1 = cpuMs();
  builder.add(n, fingerprintPcm(wav.samples, wav.sampleRate));
  indexCpu += cpuMs() - t0;
  decodeCpu += t1 - t0;
  audioSeconds += wav.samples.length / wav.sampleRate;
}
const t0 = cpuMs();
const index = builder.build();
const packCpu = cpuMs() - t0;
indexCpu += packCpu;
const trackOf = new Map(catalog.map((t, n) => [t.id, n]));
console.log(
  `indexed ${(audioSeconds / 3600).toFixed(2)} h in ${(indexCpu / 1000).toFixed(1)} CPU-s ` +
    `(${(audioSeconds / (indexCpu / 1000)).toFixed(0)}× real time; WAV decode ${((100 * decodeCpu) / indexCpu).toFixed(0)} %); ` +
    `${index.postingCount} postings, ${index.distinctHashes} hashes, ${(index.byteLength / index.postingCount).toFixed(2)} B/posting`,
);

// ---- Captures.
console.log(`preparing ${half} captures (cached after the first run) …`);
const positives = positiveCaptures(half);
const negatives = negativeCaptures(half);

interface Outcome {
  readonly capture: Capture;
  readonly decision: MatchDecision | null;
  readonly cpuMs: number;
  readonly best: number;
  readonly runnerUp: number;
  readonly bestTrack: number;
  readonly lookups: number;
}

function run(capture: Capture): Outcome {
  const bytes = readFileSync(capture.path);
  const start = cpuMs();
  const wav = decodeWavPcm(bytes);
  const query = fingerprintQuery(wav.samples, wav.sampleRate);
  const hashes = queryHashes(query);
  const postings = index.lookup(hashes);
  const decision = decideMatch(query, postings);
  const elapsed = cpuMs() - start;
  const votes = countVotes(query, postings);
  return {
    capture,
    decision,
    cpuMs: elapsed,
    best: votes.best?.score ?? 0,
    runnerUp: votes.runnerUp,
    bestTrack: votes.best?.track ?? -1,
    lookups: hashes.length,
  };
}

// Warm up the JIT on a few captures so latency is the steady state.
for (const c of positives.slice(0, 20)) run(c);
const results = positives.map(run);
const negResults = negatives.map(run);

type Verdict = 'right' | 'wrong track' | 'wrong offset' | 'none';
const verdict = (o: Outcome): Verdict => {
  if (!o.decision) return 'none';
  if (o.decision.track !== trackOf.get(o.capture.trackId ?? '')) return 'wrong track';
  return Math.abs(o.decision.offsetSeconds - o.capture.from) <= OFFSET_TOLERANCE_S ? 'right' : 'wrong offset';
};

const rows: string[] = [];
const summary = new Map<number, { right: number; total: number; wrong: number }>();
const worst = new Map<number, { condition: string; recall: number }>();
for (const condition of CONDITIONS) {
  const cells: string[] = [condition];
  for (const seconds of LENGTHS) {
    const set = results.filter((r) => r.capture.condition === condition && r.capture.seconds === seconds);
    const v = set.map(verdict);
    const right = v.filter((x) => x === 'right').length;
    const wrong = v.filter((x) => x === 'wrong track' || x === 'wrong offset').length;
    const recall = right / set.length;
    cells.push(`${(100 * recall).toFixed(1)} %`, String(wrong));
    const s = summary.get(seconds) ?? { right: 0, total: 0, wrong: 0 };
    summary.set(seconds, { right: s.right + right, total: s.total + set.length, wrong: s.wrong + wrong });
    if (recall < (worst.get(seconds)?.recall ?? Infinity)) worst.set(seconds, { condition, recall });
  }
  rows.push(`| ${cells.join(' | ')} |`);
}
const negRows = LENGTHS.map((seconds) => {
  const set = negResults.filter((r) => r.capture.seconds === seconds);
  return { seconds, total: set.length, fp: set.filter((r) => r.decision).length };
});
const lat10 = asc(results.filter((r) => r.capture.seconds === 10).map((r) => r.cpuMs));
const lat5 = asc(results.filter((r) => r.capture.seconds === 5).map((r) => r.cpuMs));
const lookupsPerQuery = asc(results.filter((r) => r.capture.seconds === 10).map((r) => r.lookups));

// Calibration headroom: how close any negative or wrong-track vote count came to the bar.
const bar = (o: Outcome) =>
  Math.max(
    DEFAULT_MATCH_OPTIONS.minScore,
    DEFAULT_MATCH_OPTIONS.minRatio * o.runnerUp + DEFAULT_MATCH_OPTIONS.margin,
  );
const negClosest = Math.max(...negResults.map((o) => o.best / bar(o)));
const wrongClosest = Math.max(
  0,
  ...results.filter((o) => o.bestTrack !== trackOf.get(o.capture.trackId ?? '')).map((o) => o.best / bar(o)),
);

const cpu = cpus()[0]?.model.trim() ?? 'cpu';
const overall = LENGTHS.map((s) => {
  const x = summary.get(s)!;
  return `${s} s: ${(100 * (x.right / x.total)).toFixed(1)} % (${x.right}/${x.total}), ${x.wrong} wrong`;
}).join('; ');
const report = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:fingerprint${write ? ' -- --write' : ''}\` on ${cpus().length} × ${cpu}, Node ${process.version}, ` +
    `params version ${FINGERPRINT_PARAMS_VERSION}, seed ${SEED}, **${half === 'test' ? 'held-out' : 'tuning'} half**. ` +
    `Catalog: ${catalog.length} tracks, ${(audioSeconds / 3600).toFixed(1)} h of freely licensed game soundtracks from Debian packages ` +
    `(wesnoth-1.16-music, naev-data, supertuxkart-data, drascula-music, hedgewars-data, freedroidrpg-data, megaglest-data, asc-music), ` +
    `all indexed; captures are cut at random offsets from the ${results.length / (CONDITIONS.length * LENGTHS.length)} tracks of this half ` +
    `(one per track, condition and length: ${results.length} in all). Parameters were tuned on the other half only.`,
  '',
  `**Recall over all conditions** — ${overall}. A capture counts as recognised when the right track is returned ` +
    `with its offset within ±${OFFSET_TOLERANCE_S} s; "wrong" is any other track or offset.`,
  '',
  '| condition | recall 5 s | wrong 5 s | recall 10 s | wrong 10 s |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  `**Negatives** (${negResults.length}: espeak-ng speech in 12 voices, some over pink noise; white/pink/brown noise; digital silence, near silence, mains hum; ` +
    `music not in the catalog — warzone2100-music — under the same conditions): ` +
    negRows.map((r) => `${r.fp} false positives of ${r.total} at ${r.seconds} s`).join(', ') +
    `. Closest call: a negative reached ${(100 * negClosest).toFixed(0)} % of the acceptance bar; ` +
    `the best wrong track of any capture ${(100 * wrongClosest).toFixed(0)} %.`,
  '',
  '| speed and size | value |',
  '| --- | ---: |',
  `| indexing, WAV 44.1 kHz stereo → decode → resample → fingerprint → packed index | ${(audioSeconds / (indexCpu / 1000)).toFixed(0)}× real time per core (${(audioSeconds / 3600).toFixed(1)} h in ${(indexCpu / 1000).toFixed(1)} CPU-s) |`,
  `| 10 s capture: WAV decode + fingerprint + in-memory match, CPU ms p50 / p95 | ${pct(lat10, 0.5).toFixed(1)} / ${pct(lat10, 0.95).toFixed(1)} |`,
  `| 5 s capture: the same, CPU ms p50 / p95 | ${pct(lat5, 0.5).toFixed(1)} / ${pct(lat5, 0.95).toFixed(1)} |`,
  `| distinct hashes looked up per 10 s capture, p50 / p95 | ${pct(lookupsPerQuery, 0.5)} / ${pct(lookupsPerQuery, 0.95)} |`,
  `| postings in the index / per second of audio | ${index.postingCount} / ${(index.postingCount / audioSeconds).toFixed(0)} |`,
  `| memory per posting (typed arrays, incl. the hash directory) | ${(index.byteLength / index.postingCount).toFixed(2)} bytes |`,
].join('\n');
console.log(`\n${report}\n`);

if (half === 'tune' || process.argv.includes('--verbose')) {
  for (const o of [...results, ...negResults]) {
    const v = o.capture.trackId ? verdict(o) : o.decision ? 'FALSE POSITIVE' : 'ok';
    if (v === 'right' || v === 'ok') continue;
    console.log(
      `${v}\t${o.capture.condition}\t${o.capture.seconds}s\tbest=${o.best} runnerUp=${o.runnerUp} bestTrack=${o.bestTrack} want=${trackOf.get(o.capture.trackId ?? '') ?? '-'}\t${o.capture.path}`,
    );
  }
}

if (write) {
  const file = join(ROOT, 'docs/performance.md');
  const start = '<!-- fingerprint-bench:start -->';
  const end = '<!-- fingerprint-bench:end -->';
  const doc = readFileSync(file, 'utf8');
  if (!doc.includes(start) || !doc.includes(end))
    throw new Error(`${file} lacks the ${start} … ${end} markers`);
  writeFileSync(
    file,
    `${doc.slice(0, doc.indexOf(start) + start.length)}\n${report}\n${doc.slice(doc.indexOf(end))}`,
  );
  console.log(`wrote ${file}`);
}
