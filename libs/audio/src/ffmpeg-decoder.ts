// AAC and M4A through the ffmpeg executable, when one is installed (Debian's `ffmpeg` package in
// the images). No maintained permissively licensed AAC decoder exists for JS/WASM: the only
// WASM one on npm wraps FAAD2 (GPL-2.0), which would be linked into our process. A separate
// process keeps ffmpeg's licence at arm's length and its crashes out of the worker.
//
// ffmpeg only demuxes and decodes here: it writes float WAV to a pipe, which goes through the
// same WAV reader, downmix and resampler as every other format. Hardening for untrusted files:
// the demuxer is forced (no format probing into playlists or concat lists), only the `file`
// protocol is allowed, and the input is passed as a `file:` URL so no name reads as a URL.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { AudioDecodeError } from './audio-decode-error.ts';
import type { PcmBlock } from './pcm-decoder.ts';
import { WavDecoder } from './wav-decoder.ts';

export type FfmpegFormat = 'm4a' | 'aac';

const DEMUXER: Readonly<Record<FfmpegFormat, string>> = { m4a: 'mov', aac: 'aac' };
const STDERR_KEEP = 8_192;

export interface FfmpegDecodeOptions {
  readonly ffmpegPath: string;
  readonly partial: boolean;
  readonly signal?: AbortSignal;
}

export async function* decodeWithFfmpeg(
  path: string,
  format: FfmpegFormat,
  options: FfmpegDecodeOptions,
): AsyncGenerator<PcmBlock> {
  const args = [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    '-protocol_whitelist',
    'file',
    '-f',
    DEMUXER[format],
    '-i',
    `file:${resolve(path)}`,
    '-map',
    '0:a:0',
    '-c:a',
    'pcm_f32le',
    '-f',
    'wav',
    'pipe:1',
  ];
  const child = spawn(options.ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_KEEP);
  });
  const exited = new Promise<{ code: number | null; error?: Error }>((done) => {
    child.once('error', (error) => done({ code: null, error }));
    child.once('close', (code) => done({ code }));
  });
  const kill = () => child.kill('SIGKILL');
  options.signal?.addEventListener('abort', kill, { once: true });
  const wav = new WavDecoder();
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      yield await wav.decode(chunk);
    }
    const { code, error } = await exited;
    if (error) {
      throw new AudioDecodeError('decoder-unavailable', `ffmpeg could not be started (${error.message})`, {
        cause: error,
      });
    }
    const problem = describeProblem(stderr, path);
    if (code !== 0) {
      if (options.signal?.aborted) throw new AudioDecodeError('aborted', 'decoding was aborted');
      throw new AudioDecodeError(
        /moov atom not found|partial file/i.test(stderr) ? 'truncated' : 'corrupt',
        `ffmpeg could not decode the ${format.toUpperCase()} audio: ${problem ?? `exit code ${code}`}`,
      );
    }
    if (!options.partial && /partial file/i.test(stderr))
      throw new AudioDecodeError('truncated', `truncated ${format.toUpperCase()}: ${problem}`);
    const tail = await wav.flush();
    const decodeErrors = stderr.match(/Error while decoding stream/g)?.length ?? 0;
    yield { ...tail, errors: Array<string>(decodeErrors).fill(problem ?? 'damaged frame') };
  } finally {
    options.signal?.removeEventListener('abort', kill);
    if (child.exitCode === null && child.signalCode === null) kill();
    wav.free();
  }
}

/**
 * The most specific line of ffmpeg's error output, readable by the uploader: without the
 * "[demuxer @ 0x…]" prefixes, the generic "Error while decoding stream" line or our file path.
 */
function describeProblem(stderr: string, path: string): string | undefined {
  const lines = stderr
    .split('\n')
    .map((line) =>
      line
        .replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '')
        .replaceAll(`file:${resolve(path)}`, 'input')
        .trim(),
    )
    .filter((line) => line && !line.startsWith('Error while decoding stream'));
  return lines[0];
}
