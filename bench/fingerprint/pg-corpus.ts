// The Postgres benchmark's catalogue: ≥ 1,000 distinct tracks of recorded music from Debian
// packages (game soundtracks and song packs), fetched with `apt-get download` into the bench
// cache (never the repo) and decoded once by ffmpeg to 16-bit 16 kHz mono WAV (the matcher
// works at 8 kHz; 16 kHz keeps the cache at ~2 GB per 35 h).
//
// Distinct tracks, made like this:
// 1. every music file (ogg/opus/mp3/flac under a music/songs folder, ≥ 500 kB) of the
//    packages below; SuperTuxKart's "_fast" variants and Frets on Fire's per-instrument stems
//    are left out (the same recording again);
// 2. when the files are fewer than wanted, the longest are re-cut into contiguous,
//    non-overlapping segments (≥ 60 s each; a file is split into k equal parts, the file with
//    the longest parts first, until the count is reached) — files over 20 min (the worker's
//    track limit) are always split;
// 3. every candidate is fingerprinted and three clean 10 s excerpts of it (at 20, 50, 80 %)
//    are matched, with the library's decision rule, against all other candidates; of two
//    candidates of which one matches the other (a looped passage, the same recording in two
//    packages) the later is flagged `sharesMaterial`: it stays in the catalogue (size, lookup
//    cost) but the bench cuts no capture from it.
// The result is cached by seed and recipe; the bench reports how many of each step.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  decideMatch,
  decodeWavPcm,
  fingerprintPcm,
  fingerprintQuery,
  PackedIndexBuilder,
  queryHashes,
  type PostingLists,
} from '@zamio/fingerprint';
import { CACHE, SEED, seededHash, sh, unpacked, walk } from './corpus.ts';

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
] as const;

const MUSIC_DIR = /\/(music|musics|songs?|soundtracks?|ost|cdtracks)\/|\/drascula\/audio\//i;
/** Quake-style games keep their music in zip archives. */
const MUSIC_ARCHIVE = /music[^/]*\.pk3$/i;
const AUDIO_FILE = /\.(ogg|oga|opus|mp3|flac)$/i;
/** The same recording again: sped-up variants, and one instrument of a song's mix. */
const NOT_A_TRACK = /(_fast|_f)\.ogg$|\/(guitar|rhythm|drums|bass|vocals?|crowd|preview)\.ogg$/i;
const MIN_BYTES = 500_000;
const RATE = 16_000;
const MIN_SEGMENT_S = 60;
/** The worker's fingerprint job refuses longer tracks. */
const MAX_SEGMENT_S = 20 * 60;
const RECIPE = 1;

export interface PgTrack {
  /** `<package>/<file>[#<segment>]` — stable across runs. */
  readonly id: string;
  /** The source file's 16 kHz mono WAV. */
  readonly wavPath: string;
  /** The track is [startS, startS + seconds) of that file. */
  readonly startS: number;
  readonly seconds: number;
  readonly half: 'tune' | 'test';
  /**
   * A clean 10 s excerpt of it matches an earlier candidate or the reverse (a looped passage
   * in two segments, one recording in two packages): it is indexed (it is part of the
   * catalogue's size) but no capture is cut from it.
   */
  readonly sharesMaterial: boolean;
}

export interface PgCorpus {
  readonly tracks: PgTrack[];
  readonly packages: string[];
  readonly files: number;
  readonly candidates: number;
  readonly segmentedFiles: number;
  /** Candidates flagged `sharesMaterial`. */
  readonly sharedMaterialDropped: number;
}

function converted(id: string, source: string): string {
  const out = join(CACHE, 'wav16k', `${id.replaceAll('/', '__')}.wav`);
  if (existsSync(out)) return out;
  mkdirSync(join(CACHE, 'wav16k'), { recursive: true });
  const tmp = `${out}.tmp.wav`;
  sh('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    source,
    '-vn',
    '-ac',
    '1',
    '-ar',
    String(RATE),
    '-c:a',
    'pcm_s16le',
    tmp,
  ]);
  sh('mv', [tmp, out]);
  return out;
}

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

/** The catalogue from the candidates and the numbers of those that share material with an earlier one. */
export function corpusOf(
  files: readonly { id: string; wavPath: string; seconds: number }[],
  candidates: ReturnType<typeof segment>,
  flagged: ReadonlySet<number>,
): PgCorpus {
  const all = candidates.map((c, n) => ({ ...c, sharesMaterial: flagged.has(n) }));
  const ordered = all.sort((a, b) => seededHash(a.id) - seededHash(b.id) || (a.id < b.id ? -1 : 1));
  const tracks: PgTrack[] = ordered.map((t, i) => ({ ...t, half: i % 2 === 0 ? 'tune' : 'test' }));
  return {
    tracks,
    packages: [...new Set(tracks.map((t) => t.id.split('/')[0]!))],
    files: files.length,
    candidates: candidates.length,
    segmentedFiles: new Set(candidates.filter((c) => c.id.includes('#')).map((c) => c.wavPath)).size,
    sharedMaterialDropped: flagged.size,
  };
}

export function pgCorpus(wanted = 1_000, log = console.log): PgCorpus {
  const manifest = join(CACHE, `pg-corpus-seed-${SEED}-r${RECIPE}-${wanted}.json`);
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as PgCorpus;
  const files: { id: string; wavPath: string; seconds: number }[] = [];
  for (const pkg of PG_CATALOG_PACKAGES) {
    files.push(...packageFiles(pkg, log));
    log(`  ${pkg}: ${files.length} files so far`);
  }
  // 1.3 × the count wanted: the shared-material check below flags some (see PgTrack.sharesMaterial).
  const candidates = segment(files, Math.ceil(wanted * 1.3));
  log(`  ${files.length} files → ${candidates.length} candidates; checking for shared material …`);
  const pcm = new Map<string, Float32Array>();
  const builder = new PackedIndexBuilder();
  for (const [n, c] of candidates.entries()) builder.add(n, fingerprintPcm(trackPcm(c, pcm), RATE));
  const index = builder.build();
  const shares: [number, number][] = [];
  for (const [n, c] of candidates.entries()) {
    const samples = trackPcm(c, pcm);
    for (const at of [0.2, 0.5, 0.8]) {
      const from = Math.floor(Math.max(0, at * c.seconds - 5) * RATE);
      const query = fingerprintQuery(samples.subarray(from, from + 10 * RATE), RATE);
      const decision = decideMatch(query, without(index.lookup(queryHashes(query)), n));
      if (decision) shares.push(n < decision.track ? [n, decision.track] : [decision.track, n]);
    }
  }
  const flagged = new Set<number>();
  for (const [a, b] of shares.sort((x, y) => x[0] - y[0] || x[1] - y[1])) if (!flagged.has(a)) flagged.add(b);
  const corpus = corpusOf(files, candidates, flagged);
  writeFileSync(manifest, JSON.stringify(corpus));
  return corpus;
}
