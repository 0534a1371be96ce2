// Benchmark: fingerprint throughput for 10 s captures and match latency against an index of
// synthetic tracks. Run: npx tsx libs/fingerprint/bench/fingerprint-bench.ts [--write]
// With --write, replaces the table between the fingerprint-bench markers in docs/performance.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_CONFIG,
  decodeWavPcm,
  FingerprintIndex,
  fingerprintPcm,
  matchFingerprint,
} from '../src/index.ts';
import { addNoiseAtSnr, encodeWav16, makeTrack, renderTrack, seededRandom } from '../test/synthetic-audio.ts';

const TRACKS = Number(process.env.BENCH_TRACKS ?? 200);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const RATE = DEFAULT_CONFIG.sampleRate;
const random = seededRandom(7);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const tracks = Array.from({ length: TRACKS }, (_, i) =>
  makeTrack(10_000 + i, 30 + Math.floor(random() * 31)),
);
const index = new FingerprintIndex();
let indexMs = 0;
let indexedSeconds = 0;
for (const [i, track] of tracks.entries()) {
  const pcm = renderTrack(track, RATE, 0, track.durationSeconds, i);
  const t0 = performance.now();
  index.add(`track-${i}`, fingerprintPcm(pcm, RATE));
  indexMs += performance.now() - t0;
  indexedSeconds += track.durationSeconds;
}

// Queries: 10 s excerpts at 44.1 kHz with gain 0.6 and 10 dB SNR noise, as 16-bit WAV bytes.
const queries = Array.from({ length: QUERIES }, (_, q) => {
  const n = Math.floor(random() * TRACKS);
  const track = tracks[n]!;
  const from = random() * (track.durationSeconds - 10);
  const raw = renderTrack(track, 44_100, from, 10, 100 + q).map((s) => s * 0.6);
  addNoiseAtSnr(raw, 10, 200 + q);
  return {
    id: `track-${n}`,
    from,
    wav: encodeWav16([raw], 44_100),
    pcm8k: renderTrack(track, RATE, from, 10, 300 + q),
  };
});

function timeEach<T>(items: readonly T[], fn: (item: T) => void): number[] {
  return items.map((item) => {
    const t0 = performance.now();
    fn(item);
    return performance.now() - t0;
  });
}

const fp8k = timeEach(queries, (q) => void fingerprintPcm(q.pcm8k, RATE)).sort((a, b) => a - b);
const fpWav = timeEach(queries, (q) => {
  const d = decodeWavPcm(q.wav);
  void fingerprintPcm(d.samples, d.sampleRate);
}).sort((a, b) => a - b);
const fingerprints = queries.map((q) => {
  const d = decodeWavPcm(q.wav);
  return fingerprintPcm(d.samples, d.sampleRate);
});
let correct = 0;
const matchMs = fingerprints
  .map((fp, i) => {
    const t0 = performance.now();
    const m = matchFingerprint(index, fp);
    const ms = performance.now() - t0;
    const q = queries[i]!;
    if (m?.trackId === q.id && Math.abs(m.offsetSeconds - q.from) <= 0.1) correct++;
    return ms;
  })
  .sort((a, b) => a - b);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const rows = [
  [
    'fingerprint 10 s capture, PCM already at 8 kHz',
    `${(1000 / (sum(fp8k) / fp8k.length)).toFixed(0)} /s`,
    `${percentile(fp8k, 0.5).toFixed(2)} ms`,
    `${percentile(fp8k, 0.95).toFixed(2)} ms`,
  ],
  [
    'decode 44.1 kHz WAV + resample + fingerprint, 10 s',
    `${(1000 / (sum(fpWav) / fpWav.length)).toFixed(0)} /s`,
    `${percentile(fpWav, 0.5).toFixed(2)} ms`,
    `${percentile(fpWav, 0.95).toFixed(2)} ms`,
  ],
  [
    `match against ${TRACKS} tracks (${index.size.hashes} distinct hashes)`,
    `${(1000 / (sum(matchMs) / matchMs.length)).toFixed(0)} /s`,
    `${percentile(matchMs, 0.5).toFixed(2)} ms`,
    `${percentile(matchMs, 0.95).toFixed(2)} ms`,
  ],
  [
    `index build (${(indexedSeconds / 60).toFixed(0)} min of audio)`,
    `${(indexedSeconds / (indexMs / 1000)).toFixed(0)} audio-s/s`,
    '',
    '',
  ],
];
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}), Node ${process.version}, ` +
    `\`npx tsx libs/fingerprint/bench/fingerprint-bench.ts --write\`. Synthetic tone/chord tracks of 30–60 s; ${QUERIES} queries ` +
    `(10 s, 44.1 kHz, gain 0.6, white noise at 10 dB SNR): ${correct}/${QUERIES} matched the right track within ±0.1 s.`,
  '',
  '| step | throughput | p50 | p95 |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(table);

if (process.argv.includes('--write')) {
  const file = resolve(import.meta.dirname, '../../../docs/performance.md');
  const start = '<!-- fingerprint-bench:start -->';
  const end = '<!-- fingerprint-bench:end -->';
  let doc = readFileSync(file, 'utf8');
  if (!doc.includes(start)) doc = `${doc.replace(/\n*$/, '\n')}\n## Fingerprinting\n\n${start}\n${end}\n`;
  const before = doc.slice(0, doc.indexOf(start) + start.length);
  const after = doc.slice(doc.indexOf(end));
  writeFileSync(file, `${before}\n${table}\n${after}`);
  console.log(`wrote ${file}`);
}
