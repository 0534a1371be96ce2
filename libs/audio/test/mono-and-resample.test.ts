// Channels are averaged into mono, and a requested rate is reached with a band-limited
// converter: the waveform survives, energy above the new Nyquist does not fold back in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio, decodeAudioStream } from '../src/index.ts';
import {
  audioWorkbench,
  bestAlignment,
  LEFT_TONES,
  mix,
  RIGHT_TONES,
  rms,
  synthesize,
  wavBytes,
} from './test-signals.ts';

const RATE = 44_100;
const SECONDS = 3;
let bench: Awaited<ReturnType<typeof audioWorkbench>>;

beforeAll(async () => {
  bench = await audioWorkbench();
});
afterAll(() => bench.close());

describe('mono downmix', () => {
  const tone = synthesize(LEFT_TONES, SECONDS, RATE);
  const silence = new Float32Array(tone.length);
  const inverted = tone.map((x) => -x);

  it.each(['wav', 'flac'] as const)(
    'averages the channels of %s (anti-phase cancels, one side halves)',
    async (to) => {
      const antiPhase = await bench.write(wavBytes([tone, inverted], RATE, 'f32'));
      const oneSided = await bench.write(wavBytes([tone, silence], RATE, 'f32'));
      const [a, b] =
        to === 'wav'
          ? [antiPhase, oneSided]
          : await Promise.all([
              bench.encode(antiPhase, 'flac', ['-sample_fmt', 's32']),
              bench.encode(oneSided, 'flac', ['-sample_fmt', 's32']),
            ]);
      expect(rms((await decodeAudio(a)).samples)).toBeLessThan(1e-6);
      const half = (await decodeAudio(b)).samples;
      const { lag, rmsError } = bestAlignment(
        tone.map((x) => x / 2),
        half,
        1,
      );
      expect(lag).toBe(0);
      expect(rmsError).toBeLessThan(1e-6);
    },
  );

  it('mixes a lossy stereo file to the mean of its channels', async () => {
    const right = synthesize(RIGHT_TONES, SECONDS, RATE);
    const path = await bench.encode(await bench.write(wavBytes([tone, right], RATE)), 'ogg-vorbis');
    const decoded = await decodeAudio(path);
    const { correlation } = bestAlignment(mix(tone, right), decoded.samples, 64);
    expect(correlation).toBeGreaterThan(0.99);
    // The mean keeps the level of the mix: its RMS matches the expected mix within 5 %.
    expect(rms(decoded.samples) / rms(mix(tone, right))).toBeCloseTo(1, 1);
  });
});

describe('resampling to a requested rate', () => {
  const stereo = [synthesize(LEFT_TONES, SECONDS, RATE), synthesize(RIGHT_TONES, SECONDS, RATE)];

  it.each([8_000, 16_000, 22_050, 48_000])(
    '44.1 kHz → %i Hz keeps the waveform and the exact length',
    async (to) => {
      const path = await bench.write(wavBytes(stereo, RATE, 'f32'));
      const decoded = await decodeAudio(path, { sampleRate: to });
      expect(decoded.sampleRate).toBe(to);
      expect(decoded.source.sampleRate).toBe(RATE);
      expect(decoded.samples.length).toBe(Math.floor((stereo[0]!.length * to) / RATE));
      const expected = mix(synthesize(LEFT_TONES, SECONDS, to), synthesize(RIGHT_TONES, SECONDS, to));
      const { lag, correlation } = bestAlignment(expected, decoded.samples, 8);
      expect(Math.abs(lag)).toBeLessThanOrEqual(1);
      expect(correlation).toBeGreaterThan(0.999);
    },
  );

  it('resamples Opus (48 kHz) to the fingerprinting rate', async () => {
    const path = await bench.encode(await bench.write(wavBytes(stereo, RATE)), 'ogg-opus');
    const decoded = await decodeAudio(path, { sampleRate: 8_000 });
    expect(decoded.source.sampleRate).toBe(48_000);
    const expected = mix(synthesize(LEFT_TONES, SECONDS, 8_000), synthesize(RIGHT_TONES, SECONDS, 8_000));
    expect(bestAlignment(expected, decoded.samples, 16).correlation).toBeGreaterThan(0.98);
  });

  it('removes content above the new Nyquist instead of aliasing it into the band', async () => {
    const high = synthesize([{ hz: 6_000, amplitude: 0.5 }], SECONDS, RATE);
    const path = await bench.write(wavBytes([high], RATE, 'f32'));
    const decoded = await decodeAudio(path, { sampleRate: 8_000 });
    // A 6 kHz tone would alias to 2 kHz at 8 kHz; the sinc converter leaves < 1 % of it.
    expect(rms(decoded.samples.subarray(800, -800))).toBeLessThan(0.01 * rms(high));
  });

  it('refuses an output rate that is not a whole number of hertz', async () => {
    await expect(decodeAudio(new Uint8Array(10), { sampleRate: 0 })).rejects.toThrow(
      /sampleRate must be an integer/,
    );
  });

  it('streams pieces whose total equals the one-shot result', async () => {
    const path = await bench.encode(await bench.write(wavBytes(stereo, RATE)), 'mp3');
    const pieces: Float32Array[] = [];
    const stream = decodeAudioStream(path, { sampleRate: 8_000 });
    let next = await stream.next();
    while (!next.done) {
      pieces.push(next.value.samples);
      next = await stream.next();
    }
    const whole = await decodeAudio(path, { sampleRate: 8_000 });
    expect(next.value).toEqual(whole.source);
    expect(pieces.length).toBeGreaterThan(1);
    expect(Float32Array.from(pieces.flatMap((p) => [...p]))).toEqual(whole.samples);
  });
});
