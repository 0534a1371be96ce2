// Every supported format decodes back to the signal that was encoded: same length, same rate,
// and the same waveform (lossless: sample-exact within quantisation; lossy: highly correlated).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio, type AudioFormat } from '../src/index.ts';
import { decodeMpg123, isMpg123Decodable } from '../src/mpg123-decode.ts';
import { recycledMp3Decoders } from '../src/wasm-decoders.ts';
import {
  audioWorkbench,
  bestAlignment,
  LEFT_TONES,
  mix,
  RIGHT_TONES,
  synthesize,
  wavBytes,
  type Encoded,
  type WavEncoding,
} from './test-signals.ts';

const RATE = 44_100;
const SECONDS = 3;
const left = synthesize(LEFT_TONES, SECONDS, RATE);
const right = synthesize(RIGHT_TONES, SECONDS, RATE);
const mono = mix(left, right);

let bench: Awaited<ReturnType<typeof audioWorkbench>>;
let sourceWav: string;

beforeAll(async () => {
  bench = await audioWorkbench();
  sourceWav = await bench.write(wavBytes([left, right], RATE));
});
afterAll(() => bench.close());

describe('WAV encodings', () => {
  const cases: [WavEncoding, number][] = [
    ['u8', 1e-2],
    ['s16', 5e-5],
    ['s24', 1e-6],
    ['s32', 1e-6],
    ['f32', 1e-7],
    ['f64', 1e-7],
  ];
  it.each(cases)('%s PCM decodes sample-exact to the mono mix', async (encoding, tolerance) => {
    const path = await bench.write(wavBytes([left, right], RATE, encoding));
    const decoded = await decodeAudio(path);
    expect(decoded.sampleRate).toBe(RATE);
    expect(decoded.source).toMatchObject({
      format: 'wav',
      contentType: 'audio/wav',
      sampleRate: RATE,
      channels: 2,
    });
    expect(decoded.samples.length).toBe(mono.length);
    expect(decoded.source.durationSeconds).toBeCloseTo(SECONDS, 6);
    const { lag, rmsError } = bestAlignment(mono, decoded.samples, 2);
    expect(lag).toBe(0);
    expect(rmsError).toBeLessThan(tolerance);
  });

  // A WAV held in memory decodes in one piece, a file in 256 KB pieces: the same samples.
  it.each(cases)('%s PCM from bytes in memory equals the same file read in pieces', async (encoding) => {
    const bytes = wavBytes([left, right], RATE, encoding);
    const fromBytes = await decodeAudio(bytes);
    const fromPath = await decodeAudio(await bench.write(bytes));
    expect(fromBytes.samples).toEqual(fromPath.samples);
    expect(fromBytes.source).toEqual(fromPath.source);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE multichannel files as ffmpeg writes them', async () => {
    const path = await bench.encode(sourceWav, 'flac'); // any input will do: re-encode to 6-channel WAV
    const six = await bench.encode(path, 'flac', ['-ac', '6', '-c:a', 'pcm_s24le', '-f', 'wav']);
    const decoded = await decodeAudio(six, { format: 'wav' });
    expect(decoded.source.channels).toBe(6);
    expect(decoded.samples.length).toBe(mono.length);
  });
});

describe('compressed formats', () => {
  const cases: {
    encoded: Encoded;
    format: AudioFormat;
    contentType: string;
    rate: number;
    minCorrelation: number;
    maxLag: number;
    durationSlack: number;
  }[] = [
    {
      encoded: 'flac',
      format: 'flac',
      contentType: 'audio/flac',
      rate: RATE,
      minCorrelation: 0.99999,
      maxLag: 2,
      durationSlack: 0,
    },
    {
      encoded: 'mp3',
      format: 'mp3',
      contentType: 'audio/mpeg',
      rate: RATE,
      minCorrelation: 0.99,
      maxLag: 64,
      durationSlack: 0.002,
    },
    {
      encoded: 'ogg-vorbis',
      format: 'ogg-vorbis',
      contentType: 'audio/ogg',
      rate: RATE,
      minCorrelation: 0.99,
      maxLag: 64,
      durationSlack: 0.002,
    },
    // Opus always decodes at 48 kHz; compared below after resampling the source.
    {
      encoded: 'ogg-opus',
      format: 'ogg-opus',
      contentType: 'audio/ogg; codecs=opus',
      rate: 48_000,
      minCorrelation: 0.98,
      maxLag: 64,
      durationSlack: 0.002,
    },
    {
      encoded: 'm4a',
      format: 'm4a',
      contentType: 'audio/x-m4a',
      rate: RATE,
      minCorrelation: 0.99,
      maxLag: 64,
      durationSlack: 0.03,
    },
    // Raw ADTS has no edit list: the encoder's 1024 priming samples stay in front.
    {
      encoded: 'aac',
      format: 'aac',
      contentType: 'audio/aac',
      rate: RATE,
      minCorrelation: 0.99,
      maxLag: 1100,
      durationSlack: 0.05,
    },
  ];

  it.each(cases)('$format decodes to the source signal', async (c) => {
    const path = await bench.encode(sourceWav, c.encoded);
    const decoded = await decodeAudio(path);
    expect(decoded.source).toMatchObject({
      format: c.format,
      contentType: c.contentType,
      sampleRate: c.rate,
      channels: 2,
    });
    expect(decoded.sampleRate).toBe(c.rate);
    expect(Math.abs(decoded.source.durationSeconds - SECONDS)).toBeLessThanOrEqual(c.durationSlack + 1e-9);
    expect(decoded.samples.length / decoded.sampleRate).toBeCloseTo(decoded.source.durationSeconds, 6);
    const expected =
      c.rate === RATE
        ? mono
        : mix(synthesize(LEFT_TONES, SECONDS, c.rate), synthesize(RIGHT_TONES, SECONDS, c.rate));
    const { correlation } = bestAlignment(expected, decoded.samples, c.maxLag);
    expect(correlation).toBeGreaterThan(c.minCorrelation);
  });

  it.each(['mp3', 'ogg-opus', 'm4a'] as const)(
    '%s decodes the same from bytes as from a path',
    async (encoded) => {
      const path = await bench.encode(sourceWav, encoded);
      const fromPath = await decodeAudio(path);
      const fromBytes = await decodeAudio(new Uint8Array(await readFile(path)));
      expect(fromBytes.source).toEqual(fromPath.source);
      expect(fromBytes.samples).toEqual(fromPath.samples);
    },
  );

  it('finds an MP3 behind a large ID3v2 tag (cover art), from a path and from bytes', async () => {
    const mp3 = new Uint8Array(await readFile(await bench.encode(sourceWav, 'mp3', ['-write_id3v2', '0'])));
    // ID3v2.3 header with a 300 KB PRIV frame: the first audio frame starts past the first read.
    const body = 300_000;
    const frame = new Uint8Array(10 + body);
    frame.set([0x50, 0x52, 0x49, 0x56]); // "PRIV"
    new DataView(frame.buffer).setUint32(4, body);
    const size = frame.length;
    const header = [
      0x49,
      0x44,
      0x33,
      3,
      0,
      0,
      (size >> 21) & 0x7f,
      (size >> 14) & 0x7f,
      (size >> 7) & 0x7f,
      size & 0x7f,
    ];
    const tagged = new Uint8Array([...header, ...frame, ...mp3]);
    const path = await bench.write(tagged, 'tagged.mp3');
    for (const input of [path, tagged]) {
      const decoded = await decodeAudio(input);
      expect(decoded.source).toMatchObject({ format: 'mp3', channels: 2 });
      expect(decoded.source.durationSeconds).toBeCloseTo(SECONDS, 2);
    }
  });

  // MP3 decoders are recycled (a fresh mpg123 handle in the same WASM instance): a recycled
  // one must decode exactly as a new one, whatever it decoded before.
  it('decodes an MP3 the same with a recycled decoder as with a new one', async () => {
    const stereo = new Uint8Array(await readFile(await bench.encode(sourceWav, 'mp3')));
    const other = new Uint8Array(await readFile(await bench.encode(sourceWav, 'mp3-mono')));
    // Three at once: at most two decoders wait idle, so at least one of these is new.
    const atOnce = await Promise.all([stereo, stereo, stereo].map((bytes) => decodeAudio(bytes)));
    for (const decoded of atOnce.slice(1)) expect(decoded.samples).toEqual(atOnce[0]!.samples);
    await decodeAudio(other);
    const before = recycledMp3Decoders();
    const again = await decodeAudio(stereo);
    expect(recycledMp3Decoders()).toBe(before + 1);
    expect(again.samples).toEqual(atOnce[0]!.samples);
    expect(again.source).toEqual(atOnce[0]!.source);
  });

  // Our decode loop (libs/audio/src/mpg123-decode.ts) copies only the kept channels: it must
  // give the library's decode() sample for sample, in pieces of any size, damaged or not.
  it("decodes an MP3 exactly as mpg123-decoder's own decode()", async () => {
    const { MPEGDecoder } = await import('mpg123-decoder');
    const stereo = new Uint8Array(await readFile(await bench.encode(sourceWav, 'mp3')));
    const monoMp3 = new Uint8Array(await readFile(await bench.encode(sourceWav, 'mp3-mono')));
    const damaged = stereo.slice();
    for (let i = 20_000; i < 24_000; i++) damaged[i] = (i * 7919) % 256;
    for (const [bytes, channels, piece, expected] of [
      [stereo, 2, stereo.length, 0],
      [monoMp3, 1, monoMp3.length, 1 << 20],
      [monoMp3, 1, 5_000, 1_000],
      [damaged, 2, 64 * 1024, 0],
    ] as const) {
      const theirs = new MPEGDecoder({ enableGapless: true });
      const ours = new MPEGDecoder({ enableGapless: true });
      await Promise.all([theirs.ready, ours.ready]);
      expect(isMpg123Decodable(ours)).toBe(true);
      if (!isMpg123Decodable(ours)) return;
      const want: Float32Array[][] = [];
      const got: Float32Array[][] = [];
      const wantErrors: string[] = [];
      const gotErrors: string[] = [];
      for (let at = 0; at < bytes.length; at += piece) {
        const chunk = bytes.subarray(at, at + piece);
        const a = theirs.decode(chunk);
        want.push(a.channelData.slice(0, channels).map((c) => c.slice(0, a.samplesDecoded)));
        wantErrors.push(...a.errors.map((e) => `${e.message}@${e.frameNumber}/${e.inputBytes}`));
        const b = decodeMpg123(ours, chunk, channels, expected);
        expect(b.channelData).toHaveLength(channels);
        expect(b.sampleRate).toBe(a.sampleRate);
        got.push(b.channelData);
        gotErrors.push(...b.errors.map((e) => `${e.message}@${e.frameNumber}/${e.inputBytes}`));
      }
      theirs.free();
      ours.free();
      for (let c = 0; c < channels; c++) {
        const join = (pieces: Float32Array[][]) => Float32Array.from(pieces.flatMap((p) => [...p[c]!]));
        const w = join(want);
        expect(w.length).toBeGreaterThan(RATE * (SECONDS - 0.5));
        expect(join(got)).toEqual(w);
      }
      expect(gotErrors).toEqual(wantErrors);
      if (bytes === damaged) expect(gotErrors.length).toBeGreaterThan(0);
    }
  });

  it('reports a mono source as one channel', async () => {
    const path = await bench.encode(sourceWav, 'mp3-mono');
    const decoded = await decodeAudio(path);
    expect(decoded.source.channels).toBe(1);
    expect(bestAlignment(mono, decoded.samples, 64).correlation).toBeGreaterThan(0.99);
  });
});
