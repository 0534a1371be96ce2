// End to end on synthetic music (seeded tone/chord sequences: no recorded audio in the repo):
// captures that are resampled, noisy, band-limited or played at another speed are found at
// the right offset; unrelated audio, noise, tones and silence are not.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeWavPcm,
  encodeWavPcm16,
  FINGERPRINT_PARAMS,
  fingerprintPcm,
  fingerprintQuery,
  matchQuery,
  PackedIndexBuilder,
  type PackedIndex,
} from '../src/index.ts';
import {
  addNoise,
  addNoiseAtSnr,
  makeTrack,
  renderAtSpeed,
  renderTrack,
  seededRandom,
  type SyntheticTrack,
} from './synthetic-audio.ts';

const RATE = FINGERPRINT_PARAMS.sampleRate;
const tracks: SyntheticTrack[] = [];
let index: PackedIndex;

function build(order: readonly number[]): PackedIndex {
  const builder = new PackedIndexBuilder();
  for (const n of order)
    builder.add(
      n,
      fingerprintPcm(renderTrack(tracks[n]!, 22_050, 0, tracks[n]!.durationSeconds, 5000 + n), 22_050),
    );
  return builder.build();
}

beforeAll(() => {
  const random = seededRandom(2026);
  for (let i = 0; i < 20; i++) tracks.push(makeTrack(1000 + i, 30 + Math.floor(random() * 31)));
  index = build(tracks.map((_, i) => i));
});

/** A radio-like capture through a 16-bit WAV file at 44.1 kHz. */
function capture(samples: Float32Array): { samples: Float32Array; sampleRate: number } {
  const wav = decodeWavPcm(encodeWavPcm16([samples], 44_100));
  return { samples: wav.samples, sampleRate: wav.sampleRate };
}
const match = (c: { samples: Float32Array; sampleRate: number }) =>
  matchQuery(index, fingerprintQuery(c.samples, c.sampleRate));

describe('matchQuery end to end', () => {
  it.each([3, 7, 11, 16])('finds a clean 10 s excerpt of track %i within ±0.1 s', (n) => {
    const track = tracks[n]!;
    const from = track.durationSeconds / 2 - 5 + 0.0123 * n; // deliberately not frame-aligned
    const m = match(capture(renderTrack(track, 44_100, from, 10, 77 + n)));
    expect(m?.track).toBe(n);
    expect(Math.abs(m!.offsetSeconds - from)).toBeLessThanOrEqual(0.1);
    expect(m!.speed).toBe(1);
    expect(m!.confidence).toBeGreaterThan(0.75);
  });

  it.each([
    ['white noise at 0 dB SNR', (x: Float32Array, seed: number) => addNoiseAtSnr(x, 0, seed)],
    ['gain −20 dB', (x: Float32Array) => x.map((v) => v * 0.1)],
    ['+10 dB, clipped', (x: Float32Array) => x.map((v) => Math.max(-1, Math.min(1, v * 3.16)))],
  ])('finds 10 s captures under %s', (_, degrade) => {
    for (const n of [2, 9, 14]) {
      const from = 4 + n * 0.37;
      const m = match(capture(degrade(renderTrack(tracks[n]!, 44_100, from, 10, 300 + n), 400 + n)));
      expect(m?.track).toBe(n);
      expect(Math.abs(m!.offsetSeconds - from)).toBeLessThanOrEqual(0.25);
    }
  });

  it.each([0.97, 0.98, 1.02, 1.03])('finds a capture played at speed %f and estimates the speed', (speed) => {
    for (const n of [1, 8, 17]) {
      const from = 6 + n * 0.21;
      const m = match(capture(renderAtSpeed(tracks[n]!, 44_100, from, 10, speed, 600 + n)));
      expect(m?.track).toBe(n);
      expect(Math.abs(m!.offsetSeconds - from)).toBeLessThanOrEqual(0.25);
      // 0.98 and 1.02 lie between two trial speeds (1.5 % steps): either neighbour may win.
      expect(Math.abs(m!.speed - speed)).toBeLessThan(0.015);
    }
  });

  it('finds 5 s captures with noise at 5 dB SNR', () => {
    for (const n of [0, 5, 12, 19]) {
      const from = 10 + n * 0.5;
      const m = match(capture(addNoiseAtSnr(renderTrack(tracks[n]!, 44_100, from, 5, 700 + n), 5, 800 + n)));
      expect(m?.track).toBe(n);
    }
  });

  it('returns none for music that is not in the index, even when the index is queried at every speed', () => {
    for (const seed of [9001, 9002, 9003, 9004, 9005]) {
      expect(match(capture(renderTrack(makeTrack(seed, 40), 44_100, 15, 10, seed)))).toBeNull();
      expect(match(capture(renderTrack(makeTrack(seed, 40), 44_100, 15, 5, seed)))).toBeNull();
    }
  });

  it('returns none for noise, a steady tone and silence', () => {
    const samples = (n: number) => new Float32Array(10 * n);
    expect(match({ samples: addNoise(samples(RATE), 0.01, 3), sampleRate: RATE })).toBeNull();
    expect(match({ samples: addNoise(samples(RATE), 0.3, 4), sampleRate: RATE })).toBeNull();
    const tone = samples(RATE).map((_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / RATE));
    expect(match({ samples: tone, sampleRate: RATE })).toBeNull();
    expect(fingerprintQuery(samples(RATE), RATE).hashes).toHaveLength(0);
    expect(match({ samples: samples(44_100), sampleRate: 44_100 })).toBeNull();
  });

  it('is deterministic and independent of index insertion order', () => {
    const q = fingerprintQuery(renderTrack(tracks[5]!, 44_100, 12.3, 10, 5), 44_100);
    const a = matchQuery(index, q);
    expect(matchQuery(index, q)).toEqual(a);
    expect(a?.track).toBe(5);
    const subset = [5, 6, 7, 8];
    expect(matchQuery(build([...subset].reverse()), q)).toEqual(matchQuery(build(subset), q));
  });
});
