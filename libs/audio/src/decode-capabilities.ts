// "Which formats can this process decode?" asked once at start, so an upload the runtime cannot
// decode is refused at the door (415) instead of failing later in a job. WAV, MP3, FLAC and Ogg
// Vorbis/Opus decode in-process everywhere; AAC/M4A need an ffmpeg executable with its AAC
// decoder and MP4 demuxer (the images install Debian's ffmpeg; embedded mode may not have one).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  AUDIO_FORMATS,
  FORMAT_CONTENT_TYPES,
  formatOfContentType,
  type AudioFormat,
} from './audio-format.ts';

const run = promisify(execFile);
const PROBE_TIMEOUT_MS = 10_000;

export const IN_PROCESS_FORMATS: readonly AudioFormat[] = ['wav', 'mp3', 'flac', 'ogg-vorbis', 'ogg-opus'];
export const FFMPEG_FORMATS: readonly AudioFormat[] = ['m4a', 'aac'];
export const DEFAULT_FFMPEG_PATH = 'ffmpeg';

export interface FfmpegInfo {
  readonly path: string;
  /** First line of `ffmpeg -version`, e.g. "ffmpeg version 5.1.6-0+deb12u1". */
  readonly version: string;
}

export interface DecodeCapabilities {
  /** Formats this process decodes, in AUDIO_FORMATS order. */
  readonly formats: readonly AudioFormat[];
  /** Their MIME types as file-type reports them (what libs/uploads sniffs). */
  readonly contentTypes: readonly string[];
  /** The ffmpeg used for AAC/M4A, or undefined when there is none (those formats are then refused). */
  readonly ffmpeg: FfmpegInfo | undefined;
  /** Why AAC/M4A are unavailable, for logs and the 415 message; undefined when they are available. */
  readonly ffmpegProblem: string | undefined;
}

const cache = new Map<string, Promise<DecodeCapabilities>>();

/** Cached per ffmpeg path: the answer cannot change while the process runs. */
export function getDecodeCapabilities(options: { ffmpegPath?: string } = {}): Promise<DecodeCapabilities> {
  const path = options.ffmpegPath ?? DEFAULT_FFMPEG_PATH;
  let answer = cache.get(path);
  if (!answer) {
    answer = probe(path);
    cache.set(path, answer);
  }
  return answer;
}

export function canDecodeFormat(capabilities: DecodeCapabilities, format: AudioFormat): boolean {
  return capabilities.formats.includes(format);
}

/** For the upload path: may a file of this sniffed MIME type be accepted? */
export function canDecodeContentType(capabilities: DecodeCapabilities, contentType: string): boolean {
  const format = formatOfContentType(contentType);
  return format !== undefined && canDecodeFormat(capabilities, format);
}

async function probe(path: string): Promise<DecodeCapabilities> {
  const ffmpeg = await probeFfmpeg(path);
  const available = new Set<AudioFormat>([
    ...IN_PROCESS_FORMATS,
    ...('info' in ffmpeg ? FFMPEG_FORMATS : []),
  ]);
  const formats = AUDIO_FORMATS.filter((format) => available.has(format));
  return {
    formats,
    contentTypes: formats.flatMap((format) => FORMAT_CONTENT_TYPES[format]),
    ffmpeg: 'info' in ffmpeg ? ffmpeg.info : undefined,
    ffmpegProblem: 'problem' in ffmpeg ? ffmpeg.problem : undefined,
  };
}

async function probeFfmpeg(path: string): Promise<{ info: FfmpegInfo } | { problem: string }> {
  try {
    const options = { timeout: PROBE_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 };
    const version =
      (await run(path, ['-hide_banner', '-version'], options)).stdout.split('\n')[0]?.trim() ?? '';
    const decoders = (await run(path, ['-hide_banner', '-decoders'], options)).stdout;
    const demuxers = (await run(path, ['-hide_banner', '-demuxers'], options)).stdout;
    // Lines look like " A....D aac   AAC (Advanced Audio Coding)" and "  D  mov,mp4,m4a,3gp,3g2,mj2  QuickTime / MOV".
    if (!/^\s*A\S*\s+aac\s/m.test(decoders)) return { problem: `${path} has no AAC decoder` };
    if (!/^\s*D\S*\s+(\S+,)?mov[\s,]/m.test(demuxers) || !/^\s*D\S*\s+aac\s/m.test(demuxers))
      return { problem: `${path} lacks the MP4 or ADTS demuxer` };
    return { info: { path, version } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problem:
        code === 'ENOENT'
          ? `no ffmpeg executable at "${path}" (install Debian's ffmpeg package to decode AAC/M4A)`
          : `ffmpeg at "${path}" did not answer: ${(error as Error).message}`,
    };
  }
}
