// Bad input fails with a typed reason and a message naming the problem; nothing half-decoded
// is returned. Capability answers reflect whether ffmpeg (for AAC/M4A) is there.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AudioDecodeError,
  canDecodeContentType,
  decodeAudio,
  getDecodeCapabilities,
  type AudioDecodeFailure,
  type DecodeOptions,
} from '../src/index.ts';
import { audioWorkbench, LEFT_TONES, synthesize, wavBytes, type Encoded } from './test-signals.ts';

const RATE = 44_100;
let bench: Awaited<ReturnType<typeof audioWorkbench>>;
let wav: string;

beforeAll(async () => {
  bench = await audioWorkbench();
  const tone = synthesize(LEFT_TONES, 4, RATE);
  wav = await bench.write(wavBytes([tone, tone], RATE));
});
afterAll(() => bench.close());

async function failure(input: string | Uint8Array, options?: DecodeOptions): Promise<AudioDecodeError> {
  const error = await decodeAudio(input, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AudioDecodeError))
    throw new Error(`expected an AudioDecodeError, got ${String(error)}`);
  return error;
}

async function cut(path: string, keep: number, name: string): Promise<string> {
  const bytes = await readFile(path);
  const out = join(bench.dir, name);
  await writeFile(out, bytes.subarray(0, Math.floor(bytes.length * keep)));
  return out;
}

function expectFailure(error: AudioDecodeError, reason: AudioDecodeFailure, message: RegExp): void {
  expect({ reason: error.reason, message: error.message }).toMatchObject({
    reason,
    message: expect.stringMatching(message),
  });
}

describe('input that is not audio', () => {
  it('an empty file', async () => {
    expectFailure(await failure(new Uint8Array(0)), 'empty', /empty/);
  });

  it('random bytes and other file types', async () => {
    const noise = new Uint8Array(10_000).map((_, i) => (i * 7919 + 13) % 251);
    expectFailure(await failure(noise), 'unsupported-format', /not a supported audio format.*WAV, MP3/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(100)]);
    expectFailure(await failure(png), 'unsupported-format', /not a supported audio format/);
  });

  it('a WAV in an encoding it does not read (ADPCM)', async () => {
    const bytes = wavBytes([new Float32Array(100)], 8_000);
    new DataView(bytes.buffer).setUint16(20, 2, true); // format tag 2 = MS ADPCM
    expectFailure(await failure(bytes), 'unsupported-format', /format tag 2/);
  });

  it('an Ogg container with no decodable stream', async () => {
    const vorbis = await readFile(await bench.encode(wav, 'ogg-vorbis'));
    const junk = new Uint8Array(60_000).map((_, i) => (i * 31 + 7) % 256);
    const bytes = new Uint8Array([...vorbis.subarray(0, 58), ...junk]); // first page header only
    expectFailure(await failure(bytes), 'corrupt', /no Ogg Vorbis audio could be decoded/);
  });
});

describe('files cut short', () => {
  const cases: [Encoded | 'wav', RegExp][] = [
    ['wav', /truncated WAV: the data chunk declares \d+ bytes but the file holds \d+/],
    ['flac', /truncated FLAC: \d+ of \d+ declared samples decoded/],
    ['mp3', /truncated MP3: \d+ of \d+ declared frames/],
    ['ogg-vorbis', /truncated Ogg/],
    ['ogg-opus', /truncated Ogg/],
    ['m4a', /truncated M4A/],
  ];
  it.each(cases)('%s is reported as truncated', async (format, message) => {
    const whole = format === 'wav' ? wav : await bench.encode(wav, format);
    expectFailure(await failure(await cut(whole, 0.5, `cut-${format}`)), 'truncated', message);
  });

  it('an M4A whose index (moov, written last) is missing', async () => {
    const whole = await bench.encode(wav, 'm4a', ['-movflags', '-faststart']);
    expectFailure(await failure(await cut(whole, 0.6, 'no-moov.m4a')), 'truncated', /moov atom not found/);
  });

  it('a stream window (partial) decodes what is there instead', async () => {
    const path = await cut(await bench.encode(wav, 'ogg-vorbis'), 0.5, 'window.ogg');
    const decoded = await decodeAudio(path, { partial: true });
    expect(decoded.source.durationSeconds).toBeGreaterThan(1);
    expect(decoded.source.durationSeconds).toBeLessThan(3.5);
  });
});

describe('damaged and oversized files', () => {
  async function damaged(format: Encoded): Promise<string> {
    const bytes = new Uint8Array(await readFile(await bench.encode(wav, format)));
    const from = Math.floor(bytes.length * 0.4);
    for (let i = from; i < from + 4_000; i++) bytes[i] = (i * 7919) % 256;
    const path = join(bench.dir, `damaged-${format}`);
    await writeFile(path, bytes);
    return path;
  }

  it('damaged MP3 frames fail as corrupt, naming the first', async () => {
    const error = await failure(await damaged('mp3'));
    expectFailure(error, 'corrupt', /damaged MP3 audio: \d+ frame\(s\) could not be decoded \(first: .+\)/);
  });

  it('damaged FLAC frames (dropped by their CRC check) show as missing samples', async () => {
    expectFailure(
      await failure(await damaged('flac')),
      'truncated',
      /declared samples decoded \(the file is cut short or damaged\)/,
    );
  });

  it('tolerates damaged frames up to maxDecodeErrors and reports how many', async () => {
    const decoded = await decodeAudio(await damaged('mp3'), { maxDecodeErrors: 1_000 });
    expect(decoded.source.decodeErrors).toBeGreaterThan(0);
    expect(decoded.source.durationSeconds).toBeGreaterThan(3);
  });

  it('refuses a file whose sample rate changes mid-way (two MP3s joined end to end)', async () => {
    const part = async (rate: number) =>
      readFile(
        await bench.encode(await bench.write(wavBytes([synthesize(LEFT_TONES, 20, rate)], rate)), 'mp3'),
      );
    const joined = new Uint8Array(Buffer.concat([await part(44_100), await part(22_050)]));
    expectFailure(
      await failure(joined),
      'unsupported-format',
      /sample rate changes mid-file \(44100 → 22050 Hz\)/,
    );
  });

  it('stops past maxDurationSeconds', async () => {
    expectFailure(await failure(wav, { maxDurationSeconds: 2 }), 'too-long', /longer than the 2 s allowed/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expectFailure(
      await failure(await bench.encode(wav, 'mp3'), { signal: controller.signal }),
      'aborted',
      /aborted/,
    );
  });
});

describe('decode capabilities', () => {
  it('with ffmpeg: every format, under the MIME types file-type reports', async () => {
    const capabilities = await getDecodeCapabilities();
    expect(capabilities.ffmpeg?.version).toMatch(/^ffmpeg version/);
    expect(capabilities.formats).toEqual(['wav', 'mp3', 'flac', 'ogg-vorbis', 'ogg-opus', 'm4a', 'aac']);
    for (const type of [
      'audio/wav',
      'audio/mpeg',
      'audio/flac',
      'audio/ogg',
      'audio/ogg; codecs=opus',
      'audio/x-m4a',
      'audio/aac',
    ])
      expect(canDecodeContentType(capabilities, type)).toBe(true);
    expect(canDecodeContentType(capabilities, 'audio/aiff')).toBe(false);
  });

  it('without ffmpeg: AAC/M4A are refused up front with the reason, the rest still decode', async () => {
    const ffmpegPath = join(bench.dir, 'no-such-ffmpeg');
    const capabilities = await getDecodeCapabilities({ ffmpegPath });
    expect(capabilities.ffmpeg).toBeUndefined();
    expect(capabilities.formats).toEqual(['wav', 'mp3', 'flac', 'ogg-vorbis', 'ogg-opus']);
    expect(capabilities.ffmpegProblem).toMatch(/no ffmpeg executable/);
    expect(canDecodeContentType(capabilities, 'audio/x-m4a')).toBe(false);
    expect(canDecodeContentType(capabilities, 'audio/mpeg')).toBe(true);
    const m4a = await bench.encode(wav, 'm4a');
    expectFailure(
      await failure(m4a, { ffmpegPath }),
      'decoder-unavailable',
      /M4A audio cannot be decoded by this server: no ffmpeg/,
    );
    await expect(decodeAudio(await bench.encode(wav, 'mp3'), { ffmpegPath })).resolves.toBeDefined();
  });
});
