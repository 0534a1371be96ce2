// Test audio made on the spot: tones synthesised in JS (so the exact source is known), written
// as WAV and encoded to each format by Debian's ffmpeg (libmp3lame, libvorbis, libopus, flac,
// and ffmpeg's own AAC). No recorded audio is involved.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Tone {
  readonly hz: number;
  readonly amplitude: number;
}

/** A sum of tones with a slow amplitude wobble (so alignment has a unique best lag). */
export function synthesize(tones: readonly Tone[], seconds: number, sampleRate: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const envelope = 0.75 + 0.25 * Math.sin(2 * Math.PI * 1.3 * t);
    let sum = 0;
    for (const { hz, amplitude } of tones) sum += amplitude * Math.sin(2 * Math.PI * hz * t);
    out[i] = sum * envelope;
  }
  return out;
}

export const LEFT_TONES: readonly Tone[] = [
  { hz: 440, amplitude: 0.3 },
  { hz: 1250, amplitude: 0.15 },
];
export const RIGHT_TONES: readonly Tone[] = [
  { hz: 660, amplitude: 0.3 },
  { hz: 2100, amplitude: 0.1 },
];

export type WavEncoding = 'u8' | 's16' | 's24' | 's32' | 'f32' | 'f64';

/** A RIFF/WAVE file of interleaved channels; `extras` are chunks placed before "data". */
export function wavBytes(
  channels: readonly Float32Array[],
  sampleRate: number,
  encoding: WavEncoding = 's16',
  extras: readonly { id: string; body: Uint8Array }[] = [],
): Uint8Array {
  const bytesPerSample = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8 }[encoding];
  const frames = channels[0]!.length;
  const dataSize = frames * channels.length * bytesPerSample;
  const extraSize = extras.reduce((n, e) => n + 8 + e.body.length + (e.body.length & 1), 0);
  const out = new Uint8Array(12 + 24 + extraSize + 8 + dataSize);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, out.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, encoding.startsWith('f') ? 3 : 1, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels.length * bytesPerSample, true);
  view.setUint16(32, channels.length * bytesPerSample, true);
  view.setUint16(34, bytesPerSample * 8, true);
  let at = 36;
  for (const { id, body } of extras) {
    text(at, id);
    view.setUint32(at + 4, body.length, true);
    out.set(body, at + 8);
    at += 8 + body.length + (body.length & 1);
  }
  text(at, 'data');
  view.setUint32(at + 4, dataSize, true);
  at += 8;
  const clamp = (x: number) => Math.max(-1, Math.min(1, x));
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      const x = clamp(channel[i]!);
      switch (encoding) {
        case 'u8':
          view.setUint8(at, Math.round(x * 127) + 128);
          break;
        case 's16':
          view.setInt16(at, Math.round(x * 32767), true);
          break;
        case 's24': {
          const v = Math.round(x * 8388607);
          view.setUint16(at, v & 0xffff, true);
          view.setInt8(at + 2, v >> 16);
          break;
        }
        case 's32':
          view.setInt32(at, Math.round(x * 2147483647), true);
          break;
        case 'f32':
          view.setFloat32(at, x, true);
          break;
        case 'f64':
          view.setFloat64(at, x, true);
          break;
      }
      at += bytesPerSample;
    }
  }
  return out;
}

export type Encoded = 'mp3' | 'flac' | 'ogg-vorbis' | 'ogg-opus' | 'm4a' | 'aac' | 'mp3-mono';

const ENCODER_ARGS: Readonly<Record<Encoded, { ext: string; args: string[] }>> = {
  mp3: { ext: 'mp3', args: ['-c:a', 'libmp3lame', '-b:a', '192k'] },
  'mp3-mono': { ext: 'mp3', args: ['-ac', '1', '-c:a', 'libmp3lame', '-b:a', '96k'] },
  flac: { ext: 'flac', args: ['-c:a', 'flac'] },
  'ogg-vorbis': { ext: 'ogg', args: ['-c:a', 'libvorbis', '-q:a', '6'] },
  'ogg-opus': { ext: 'opus', args: ['-c:a', 'libopus', '-b:a', '128k'] },
  m4a: { ext: 'm4a', args: ['-c:a', 'aac', '-b:a', '192k', '-movflags', '+faststart'] },
  aac: { ext: 'aac', args: ['-c:a', 'aac', '-b:a', '192k', '-f', 'adts'] },
};

/** A scratch folder and an encoder into it; `close()` removes everything. */
export async function audioWorkbench() {
  const dir = await mkdtemp(join(tmpdir(), 'zamio-audio-test-'));
  let n = 0;
  return {
    dir,
    async write(bytes: Uint8Array, name = `file-${n++}.wav`): Promise<string> {
      const path = join(dir, name);
      await writeFile(path, bytes);
      return path;
    },
    async encode(wavPath: string, to: Encoded, extraArgs: string[] = []): Promise<string> {
      const { ext, args } = ENCODER_ARGS[to];
      const path = join(dir, `encoded-${n++}.${ext}`);
      await run(ffmpegOrThrow(), [
        '-nostdin',
        '-loglevel',
        'error',
        '-y',
        '-i',
        wavPath,
        ...args,
        ...extraArgs,
        path,
      ]);
      return path;
    },
    async close(): Promise<void> {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function ffmpegOrThrow(): string {
  return process.env.FFMPEG_PATH ?? 'ffmpeg';
}

/** Best normalised cross-correlation of `actual` against `expected` over lags in [-maxLag, maxLag]. */
export function bestAlignment(
  expected: Float32Array,
  actual: Float32Array,
  maxLag: number,
  window = { start: 0.25, length: 0.5 },
): { lag: number; correlation: number; rmsError: number } {
  const start = Math.floor(expected.length * window.start);
  const length = Math.floor(expected.length * window.length);
  let best = { lag: 0, correlation: -Infinity, rmsError: Infinity };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let xy = 0;
    let xx = 0;
    let yy = 0;
    let err = 0;
    for (let i = start; i < start + length; i++) {
      const x = expected[i]!;
      const y = actual[i + lag] ?? 0;
      xy += x * y;
      xx += x * x;
      yy += y * y;
      err += (x - y) ** 2;
    }
    const correlation = xy / Math.sqrt(xx * yy || 1);
    if (correlation > best.correlation) best = { lag, correlation, rmsError: Math.sqrt(err / length) };
  }
  return best;
}

export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const x of samples) sum += x * x;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

export function mix(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((x, i) => (x + b[i]!) / 2);
}
