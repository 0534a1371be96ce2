// `npm run bench:fingerprint:compare -- --base <git ref> [--write]`: this tree's match path
// against another revision's, side by side in one process. A speed-up of the fingerprint is
// judged by this ratio, not by two bench runs: on these shared VMs the same code measured
// ×1.1–1.5 apart an hour later. The base revision is checked out into a git worktree under
// .bench-base/ (inside the repo, so its imports resolve through this tree's node_modules) and
// its libs/fingerprint is imported from there. Each revision indexes the same catalogue
// tracks with its own fingerprintPcm; then every capture runs fingerprintQuery and
// lookup + decideMatch under each revision in turn (order alternating, caches flushed before
// each), and the CPU of each step is summed per revision. Decisions are compared too.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import * as current from '@zamio/fingerprint';
import { addNoiseAtSnr, seededRandom } from '@zamio/fingerprint/testing';
import { writePerformanceSection } from '../performance-doc.ts';
import { CACHE, SEED } from './corpus.ts';

type Library = typeof current;

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const base = arg('base', 'HEAD~1');
const trackCount = Number(arg('tracks', '250'));
const captureCount = Number(arg('captures', '60'));
const rounds = Number(arg('rounds', '6'));
const write = process.argv.includes('--write');

const repo = join(import.meta.dirname, '../..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const baseSha = git('rev-parse', '--short', base);
const headSha = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--', 'libs/fingerprint') !== '';
const worktree = join(repo, '.bench-base', baseSha);

const wavDir = join(CACHE, 'wav16k');
if (!existsSync(wavDir))
  throw new Error(`${wavDir} is missing: run \`npm run bench:fingerprint:postgres -- --prepare\` first`);

if (!existsSync(worktree)) git('worktree', 'add', '--detach', worktree, baseSha);
try {
  const previous = (await import(join(worktree, 'libs/fingerprint/src/index.ts'))) as Library;
  const revisions: [string, Library][] = [
    [`base ${baseSha}`, previous],
    [`this tree ${headSha}${dirty ? '+changes' : ''}`, current],
  ];

  const files = readdirSync(wavDir).sort().slice(0, trackCount);
  const pcm = files.map((f) => current.decodeWavPcm(new Uint8Array(readFileSync(join(wavDir, f)))));
  const indexes = revisions.map(([, lib]) => {
    const builder = new lib.PackedIndexBuilder();
    pcm.forEach((track, i) => builder.add(i, lib.fingerprintPcm(track.samples, track.sampleRate)));
    return builder.build();
  });

  // Captures: 10 s of an indexed track at a seeded offset, as 44.1 kHz audio (every second
  // one with white noise at 5 dB SNR): the decimator's common rate and a match to decide.
  const random = seededRandom(SEED);
  const captures = Array.from({ length: captureCount }, (_, k) => {
    const track = pcm[Math.floor(random() * pcm.length)]!;
    const seconds = 10;
    const from = Math.floor(random() * Math.max(1, track.samples.length - seconds * track.sampleRate));
    const cut = track.samples.subarray(from, from + seconds * track.sampleRate);
    const up = current.resampleLinear(cut, track.sampleRate, 44_100);
    return k % 2 ? addNoiseAtSnr(up, 5, k) : up;
  });

  const flush = new Float32Array(8 << 20); // 32 MiB: the caches a capture's decode would churn
  const evict = () => {
    for (let i = 0; i < flush.length; i += 16) flush[i]! += 1;
  };
  const cpuMicros = (since: NodeJS.CpuUsage) => {
    const { user, system } = process.cpuUsage(since);
    return user + system;
  };
  const totals = revisions.map(() => ({ fingerprint: 0, match: 0 }));
  let sameDecision = 0;
  let pairs = 0;
  for (let round = 0; round < rounds; round++)
    for (const [k, samples] of captures.entries()) {
      const order = (round + k) % 2 ? [0, 1] : [1, 0];
      const decisions: string[] = [];
      for (const r of order) {
        const lib = revisions[r]![1];
        evict();
        const t0 = process.cpuUsage();
        const query = lib.fingerprintQuery(samples, 44_100);
        totals[r]!.fingerprint += cpuMicros(t0);
        const t1 = process.cpuUsage();
        const decision = lib.decideMatch(query, indexes[r]!.lookup(lib.queryHashes(query)));
        totals[r]!.match += cpuMicros(t1);
        decisions[r] = JSON.stringify(decision);
      }
      if (decisions[0] === decisions[1]) sameDecision++;
      pairs++;
    }

  const ms = (micros: number) => (micros / pairs / 1000).toFixed(2);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const [old, now] = totals as [(typeof totals)[0], (typeof totals)[0]];
  const row = (label: string, a: number, b: number) => `| ${label} | ${ms(a)} | ${ms(b)} | ×${ratio(a, b)} |`;
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:fingerprint:compare -- --base ${base}${write ? ' --write' : ''}\` on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}: ${revisions[0]![0]} against ${revisions[1]![0]}, in one process. ${pcm.length} catalogue tracks (${(pcm.reduce((s, t) => s + t.samples.length / t.sampleRate, 0) / 3600).toFixed(1)} h, the Postgres bench's 16 kHz sources) indexed by each revision; ${captures.length} captures of 10 s at 44.1 kHz (half with white noise at 5 dB SNR), ${rounds} rounds, ${pairs} pairs, revisions alternating, caches flushed before each. Same decision in ${sameDecision} of ${pairs} pairs.`,
    '',
    `| CPU ms per capture, mean | ${revisions[0]![0]} | ${revisions[1]![0]} | speed-up |`,
    '| --- | ---: | ---: | ---: |',
    row('`fingerprintQuery`', old.fingerprint, now.fingerprint),
    row('`queryHashes` + lookup + `decideMatch`', old.match, now.match),
    row('both', old.fingerprint + old.match, now.fingerprint + now.match),
  ].join('\n');
  console.log(`\n${body}\n`);
  if (write) writePerformanceSection('fingerprint-compare', body);
} finally {
  git('worktree', 'remove', '--force', worktree);
  rmSync(join(repo, '.bench-base'), { recursive: true, force: true });
}
