// The Postgres benchmark's catalogue: ≥ 1,000 distinct tracks of recorded music from Debian
// packages (game soundtracks and song packs), fetched with `apt-get download` into the bench
// cache (never the repo) and decoded once by ffmpeg to 16-bit 16 kHz mono WAV (the matcher
// works at 8 kHz; 16 kHz keeps the cache at ~2 GB per 35 h).
//
// Distinct tracks, made like this:
// 1. every music file (ogg/opus/mp3/flac under a music/songs folder, ≥ 500 kB) of the
//    packages below; SuperTuxKart's "_fast" variants and Frets on Fire's per-instrument stems
//    are left out (the same recording again);
// 2. the files are fewer than wanted, so the longest are re-cut into contiguous,
//    non-overlapping segments (≥ 40 s each; a file is split into k equal parts, the file with
//    the longest parts first, until there are 1.7 × the count wanted) — files over 20 min
//    (the worker's track limit) are always split;
// 3. every candidate is fingerprinted and every clean 10 s excerpt of it (0–10 s, 10–20 s, …)
//    is matched, with the library's decision rule, against all other candidates; of two
//    candidates of which one matches the other (a looped passage in two segments, the same
//    recording in two packages) the later is dropped. What is left shares no material: no
//    clean excerpt of one matches another, so every capture has exactly one right answer.
// The result is cached by seed, recipe and params version; the bench reports how many of each step.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  decideMatch,
  decodeWavPcm,
  FINGERPRINT_PARAMS_VERSION,
  fingerprintPcm,
  fingerprintQuery,
  PackedIndexBuilder,
  queryHashes,
  type PostingLists,
} from '@zamio/fingerprint';
import { CACHE, convertedWav, SEED, seededHash, sh, unpacked, walk } from './corpus.ts';

/** Packages whose music is catalogue (warzone2100-music stays outside: run-bench's negatives). */
export const PG_CATALOG_PACKAGES = [
  'wesnoth-1.16-music',
  'naev-data',
  'supertuxkart-data',
  'drascula-music',
  'hedgewars-data',
  'freedroidrpg-data',
  'megaglest-data',
  'asc-music',
  'hyperrogue-music',
  'singularity-music',
  'ufoai-music',
  'planetblupi-music-ogg',
  'nexuiz-music',
  'fretsonfire-songs-muldjord',
  'fretsonfire-songs-sectoid',
  'flare-game',
  'ardentryst',
  'widelands-data',
  'supertux-data',
  'lincity-ng-data',
  'scorched3d-data',
  'extremetuxracer-data',
  'xmoto-data',
  'warmux-data',
  'redeclipse-data',
  'freecol',
  'unknown-horizons',
  'colobot-common-sounds',
  'fillets-ng-data',
  'pushover-data',
  'pathological',
] as const;

const MUSIC_DIR =
  /\/(music|musics|songs?|soundtracks?|ost|cdtracks)\/|\/drascula\/audio\/|\/pushover\/themes\//i;
/** Quake-style games keep their music in zip archives. */
const MUSIC_ARCHIVE = /music[^/]*\.pk3$/i;
const AUDIO_FILE = /\.(ogg|oga|opus|mp3|flac)$/i;
/** The same recording again: sped-up variants, and one instrument of a song's mix. */
const NOT_A_TRACK = /(_fast|_f)\.ogg$|\/(guitar|rhythm|drums|bass|vocals?|crowd|preview)\.ogg$/i;
const MIN_BYTES = 500_000;
const RATE = 16_000;
const MIN_SEGMENT_S = 40;
/** Candidates cut per track wanted: the shared-material check drops some (about a third). */
const CANDIDATES_PER_TRACK = 1.7;
/** Length of the clean excerpts the shared-material check matches. */
const EXCERPT_S = 10;
/** The worker's fingerprint job refuses longer tracks. */
const MAX_SEGMENT_S = 20 * 60;
const RECIPE = 2;

export interface PgTrack {
  /** `<package>/<file>[#<segment>]` — stable across runs. */
  readonly id: string;
  /** The source file's 16 kHz mono WAV. */
  readonly wavPath: string;
  /** The track is [startS, startS + seconds) of that file. */
  readonly startS: number;
  readonly seconds: number;
  readonly half: 'tune' | 'test';
}

export interface PgCorpus {
  readonly tracks: PgTrack[];
  readonly packages: string[];
  readonly files: number;
  readonly candidates: number;
  /** Files re-cut into segments (among the candidates). */
  readonly segmentedFiles: number;
  /** Candidates dropped because they share material with an earlier one. */
  readonly sharedMaterialDropped: number;
  /** Clean excerpts matched against the other candidates by the check. */
  readonly excerptsChecked: number;
  /** Params version of the library that ran the check. */
  readonly checkedWithParamsVersion: number;
}

const converted = (id: string, source: string): string =>
  convertedWav(id, source, { dir: 'wav16k', channels: 1, rate: RATE });

const secondsOf = (wav: string): number => (statSync(wav).size - 44) / (2 * RATE);

/** Slices [startS, startS + seconds) of a 16 kHz mono WAV as PCM. */
export function trackPcm(
  track: Pick<PgTrack, 'wavPath' | 'startS' | 'seconds'>,
  cache = new Map<string, Float32Array>(),
): Float32Array {
  let all = cache.get(track.wavPath);
  if (!all) {
    all = decodeWavPcm(readFileSync(track.wavPath)).samples;
    cache.clear();
    cache.set(track.wavPath, all);
  }
  return all.subarray(Math.round(track.startS * RATE), Math.round((track.startS + track.seconds) * RATE));
}

/** Cuts every file into k equal parts so that the total reaches `wanted` (longest parts first). */
export function segment(files: { id: string; wavPath: string; seconds: number }[], wanted: number) {
  const parts = files.map((f) => Math.max(1, Math.ceil(f.seconds / MAX_SEGMENT_S)));
  let total = parts.reduce((a, b) => a + b, 0);
  while (total < wanted) {
    let best = -1;
    for (let i = 0; i < files.length; i++) {
      const next = files[i]!.seconds / (parts[i]! + 1);
      if (
        next >= MIN_SEGMENT_S &&
        (best < 0 || files[i]!.seconds / parts[i]! > files[best]!.seconds / parts[best]!)
      )
        best = i;
    }
    if (best < 0) break;
    parts[best]!++;
    total++;
  }
  return files.flatMap((f, i) => {
    const k = parts[i]!;
    const len = Math.floor((f.seconds / k) * 1000) / 1000;
    return Array.from({ length: k }, (_, s) => ({
      id: k === 1 ? f.id : `${f.id}#${s + 1}`,
      wavPath: f.wavPath,
      startS: s * len,
      seconds: len,
    }));
  });
}

/** Lists without the postings of one track (a candidate is matched against all the others). */
function without(lists: PostingLists, track: number): PostingLists {
  const starts = new Uint32Array(lists.hashes.length);
  const ends = new Uint32Array(lists.hashes.length);
  const tracks = new Uint32Array(lists.tracks.length);
  const offsets = new Uint32Array(lists.tracks.length);
  let n = 0;
  for (let i = 0; i < lists.hashes.length; i++) {
    starts[i] = n;
    for (let p = lists.starts[i]!; p < lists.ends[i]!; p++)
      if (lists.tracks[p] !== track) {
        tracks[n] = lists.tracks[p]!;
        offsets[n++] = lists.offsets[p]!;
      }
    ends[i] = n;
  }
  return { hashes: lists.hashes, starts, ends, tracks, offsets };
}

/** The package's music files, each decoded once to the cache's 16 kHz WAV. */
export function packageFiles(
  pkg: string,
  log = console.log,
): { id: string; wavPath: string; seconds: number }[] {
  const root = unpacked(pkg);
  for (const archive of walk(root).filter((p) => MUSIC_ARCHIVE.test(p))) {
    const into = `${archive}.unzipped`;
    if (existsSync(join(into, '.done'))) continue;
    mkdirSync(into, { recursive: true });
    sh('unzip', ['-o', '-q', archive, '-d', into]);
    writeFileSync(join(into, '.done'), '');
  }
  const out: { id: string; wavPath: string; seconds: number }[] = [];
  const found = walk(root)
    .sort()
    .filter(
      (p) => MUSIC_DIR.test(p) && AUDIO_FILE.test(p) && !NOT_A_TRACK.test(p) && statSync(p).size >= MIN_BYTES,
    );
  for (const path of found) {
    const id = `${pkg}/${relative(root, path).split('/').slice(-2).join('/')}`;
    try {
      const wavPath = converted(id, path);
      out.push({ id, wavPath, seconds: secondsOf(wavPath) });
    } catch (error) {
      log(`  skipped ${id}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return out;
}

/** The catalogue: the candidates less those dropped, split into halves by a seeded hash of their id. */
function corpusOf(
  files: readonly { id: string; wavPath: string; seconds: number }[],
  candidates: ReturnType<typeof segment>,
  dropped: ReadonlySet<number>,
  excerptsChecked: number,
): PgCorpus {
  const kept = candidates.filter((_, n) => !dropped.has(n));
  const ordered = kept.sort((a, b) => seededHash(a.id) - seededHash(b.id) || (a.id < b.id ? -1 : 1));
  const tracks: PgTrack[] = ordered.map((t, i) => ({ ...t, half: i % 2 === 0 ? 'tune' : 'test' }));
  return {
    tracks,
    packages: [...new Set(tracks.map((t) => t.id.split('/')[0]!))],
    files: files.length,
    candidates: candidates.length,
    segmentedFiles: new Set(candidates.filter((c) => c.id.includes('#')).map((c) => c.wavPath)).size,
    sharedMaterialDropped: dropped.size,
    excerptsChecked,
    checkedWithParamsVersion: FINGERPRINT_PARAMS_VERSION,
  };
}

/**
 * Pairs [earlier, later] of candidates where a clean excerpt of one matched the other: every
 * non-overlapping 10 s excerpt of each candidate, against an index of all the others.
 */
function sharedMaterial(candidates: ReturnType<typeof segment>, log: (line: string) => void) {
  const pcm = new Map<string, Float32Array>();
  const builder = new PackedIndexBuilder();
  for (const [n, c] of candidates.entries()) builder.add(n, fingerprintPcm(trackPcm(c, pcm), RATE));
  const index = builder.build();
  log(`  ${candidates.length} candidates fingerprinted; matching their excerpts …`);
  const pairs: [number, number][] = [];
  let excerpts = 0;
  for (const [n, c] of candidates.entries()) {
    const samples = trackPcm(c, pcm);
    for (let from = 0; from + EXCERPT_S * RATE <= samples.length; from += EXCERPT_S * RATE) {
      const query = fingerprintQuery(samples.subarray(from, from + EXCERPT_S * RATE), RATE);
      const decision = decideMatch(query, without(index.lookup(queryHashes(query)), n));
      excerpts++;
      if (decision) pairs.push(n < decision.track ? [n, decision.track] : [decision.track, n]);
    }
  }
  return { pairs, excerpts };
}

export function pgCorpus(wanted = 1_000, log = console.log): PgCorpus {
  // The shared-material check runs the library's matcher: a new params version checks again.
  const manifest = join(
    CACHE,
    `pg-corpus-seed-${SEED}-r${RECIPE}-v${FINGERPRINT_PARAMS_VERSION}-${wanted}.json`,
  );
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as PgCorpus;
  const files: { id: string; wavPath: string; seconds: number }[] = [];
  for (const pkg of PG_CATALOG_PACKAGES) {
    files.push(...packageFiles(pkg, log));
    log(`  ${pkg}: ${files.length} files so far`);
  }
  const candidates = segment(files, Math.ceil(wanted * CANDIDATES_PER_TRACK));
  log(`  ${files.length} files → ${candidates.length} candidates; checking for shared material …`);
  const { pairs, excerpts } = sharedMaterial(candidates, log);
  // Pairs in order of their earlier member: when (a, b) comes up, whether a stays is settled
  // (only pairs (x, a) with x < a could drop it), so no two kept candidates share material.
  const dropped = new Set<number>();
  for (const [a, b] of pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1])) if (!dropped.has(a)) dropped.add(b);
  const corpus = corpusOf(files, candidates, dropped, excerpts);
  writeFileSync(manifest, JSON.stringify(corpus));
  return corpus;
}
