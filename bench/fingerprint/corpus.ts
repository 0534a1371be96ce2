// The benchmark's music: freely licensed game soundtracks that Debian ships, fetched with
// `apt-get download` into a cache outside the repo, unpacked with `dpkg-deb -x` and
// converted once to 16-bit 44.1 kHz stereo WAV (the shape of a decoded upload). No audio is
// ever stored in the repo. Tracks are split into two halves by a seeded hash of their id:
// parameters are tuned on "tune"; the numbers in docs/performance.md come from "test".
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, relative } from 'node:path';

export const CACHE = process.env.ZAMIO_BENCH_CACHE ?? join(homedir(), '.cache', 'zamio-bench');
export const SEED = Number(process.env.BENCH_SEED ?? 20261201);

/** Catalog packages and where their music lives inside the unpacked tree. */
const CATALOG_SOURCES: readonly { pkg: string; dirs: readonly RegExp[] }[] = [
  { pkg: 'wesnoth-1.16-music', dirs: [/\/data\/core\/music\/[^/]+\.ogg$/] },
  { pkg: 'naev-data', dirs: [/\/dat\/snd\/music\/[^/]+\.ogg$/] },
  { pkg: 'supertuxkart-data', dirs: [/\/data\/music\/[^/]+\.ogg$/] },
  { pkg: 'drascula-music', dirs: [/\/drascula\/audio\/[^/]+\.ogg$/] },
  { pkg: 'hedgewars-data', dirs: [/\/Data\/Music\/[^/]+\.ogg$/] },
  { pkg: 'freedroidrpg-data', dirs: [/\/sound\/music\/[^/]+\.ogg$/] },
  { pkg: 'megaglest-data', dirs: [/\/music\/[^/]+\.ogg$/] },
  { pkg: 'asc-music', dirs: [/\/asc\/music\/[^/]+\.mp3$/] },
];
/** Music that is never indexed: the "not in the catalog" negatives. */
const FOREIGN_SOURCES: readonly { pkg: string; dirs: readonly RegExp[] }[] = [
  { pkg: 'warzone2100-music', dirs: [/\/music\/albums\/[^/]+\/[^/]+\.opus$/] },
];
/**
 * Variants of another catalog track (SuperTuxKart's sped-up last-lap versions): the same
 * recording at another speed, so matching one to the other is right, not a wrong track.
 */
const VARIANT = /(_fast|_f)\.ogg$/;
/** Shorter files are jingles and stingers, not songs. */
const MIN_BYTES = 500_000;

export interface CorpusTrack {
  /** `<package>/<file>` — stable across runs. */
  readonly id: string;
  readonly wavPath: string;
  readonly half: 'tune' | 'test';
}

export function sh(cmd: string, args: readonly string[], options: { cwd?: string } = {}): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

function has(cmd: string): boolean {
  try {
    sh('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}

/** sox (with the mp3 handler), ffmpeg and espeak-ng from Debian when missing. */
export function ensureTools(): void {
  const missing = !has('sox') || !has('ffmpeg') || !has('espeak-ng');
  if (!missing) return;
  console.log('installing sox, ffmpeg, espeak-ng with apt-get …');
  const apt = ['-o', 'DPkg::Lock::Timeout=600'];
  sh('apt-get', [...apt, 'update']);
  sh('apt-get', [
    ...apt,
    'install',
    '-y',
    '--no-install-recommends',
    'sox',
    'libsox-fmt-all',
    'ffmpeg',
    'espeak-ng',
  ]);
}

export function unpacked(pkg: string): string {
  const root = join(CACHE, 'pkg', pkg);
  if (existsSync(join(root, '.done'))) return root;
  const debs = join(CACHE, 'debs');
  mkdirSync(debs, { recursive: true });
  let deb = readdirSync(debs).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (!deb) {
    console.log(`apt-get download ${pkg} …`);
    sh('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'download', pkg], { cwd: debs });
    deb = readdirSync(debs).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg} produced no .deb in ${debs}`);
  }
  mkdirSync(root, { recursive: true });
  sh('dpkg-deb', ['-x', join(debs, deb), root]);
  sh('touch', [join(root, '.done')]);
  return root;
}

export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function sourceFiles(sources: typeof CATALOG_SOURCES): { id: string; path: string }[] {
  const files: { id: string; path: string }[] = [];
  for (const { pkg, dirs } of sources) {
    const root = unpacked(pkg);
    for (const path of walk(root).sort()) {
      if (!dirs.some((d) => d.test(path)) || VARIANT.test(path) || statSync(path).size < MIN_BYTES) continue;
      files.push({ id: `${pkg}/${relative(root, path).split('/').slice(-2).join('/')}`, path });
    }
  }
  return files;
}

/** Decodes `source` once to 16-bit WAV of `channels` × `rate` Hz in the cache folder `dir`. */
export function convertedWav(
  id: string,
  source: string,
  { dir, channels, rate }: { dir: string; channels: number; rate: number },
): string {
  const out = join(CACHE, dir, `${id.replaceAll('/', '__')}.wav`);
  if (existsSync(out)) return out;
  mkdirSync(join(CACHE, dir), { recursive: true });
  const tmp = `${out}.tmp.wav`;
  const format = ['-ac', String(channels), '-ar', String(rate), '-c:a', 'pcm_s16le'];
  sh('ffmpeg', ['-v', 'error', '-y', '-i', source, '-vn', ...format, tmp]);
  sh('mv', [tmp, out]);
  return out;
}

/** Decode once to 16-bit 44.1 kHz stereo WAV in the cache. */
const converted = (id: string, source: string): string =>
  convertedWav(id, source, { dir: 'wav', channels: 2, rate: 44100 });

/** FNV-1a of seed + text: a stable, seeded order for splitting and sampling. */
export function seededHash(text: string, seed = SEED): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function split<T extends { id: string }>(items: readonly T[]): (T & { half: 'tune' | 'test' })[] {
  return [...items]
    .sort((a, b) => seededHash(a.id) - seededHash(b.id) || (a.id < b.id ? -1 : 1))
    .map((item, i) => ({ ...item, half: i % 2 === 0 ? ('tune' as const) : ('test' as const) }));
}

export function catalogTracks(): CorpusTrack[] {
  return split(sourceFiles(CATALOG_SOURCES)).map(({ id, path, half }) => ({
    id,
    half,
    wavPath: converted(id, path),
  }));
}

export function foreignTracks(): CorpusTrack[] {
  return split(sourceFiles(FOREIGN_SOURCES)).map(({ id, path, half }) => ({
    id,
    half,
    wavPath: converted(id, path),
  }));
}

export function cacheDir(...parts: string[]): string {
  const dir = join(CACHE, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const fileName = (path: string): string => basename(path);
