import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  decodeWavPcm,
  FingerprintIndex,
  fingerprintPcm,
  matchFingerprint,
} from '../src/index.ts';
import {
  addNoise,
  addNoiseAtSnr,
  encodeWav16,
  makeTrack,
  renderTrack,
  seededRandom,
  type SyntheticTrack,
} from './synthetic-audio.ts';

const RATE = DEFAULT_CONFIG.sampleRate;
const tracks: { id: string; track: SyntheticTrack }[] = [];
const index = new FingerprintIndex();

beforeAll(() => {
  const random = seededRandom(2026);
  for (let i = 0; i < 20; i++) {
    const track = makeTrack(1000 + i, 30 + Math.floor(random() * 31));
    tracks.push({ id: `track-${String(i).padStart(2, '0')}`, track });
    index.add(
      `track-${String(i).padStart(2, '0')}`,
      fingerprintPcm(renderTrack(track, RATE, 0, track.durationSeconds, 5000 + i), RATE),
    );
  }
});

/** A radio-like capture: 44.1 kHz, gain change, noise at ~10 dB SNR, through a WAV file. */
function capture(
  track: SyntheticTrack,
  from: number,
  seed: number,
): { samples: Float32Array; sampleRate: number } {
  const raw = renderTrack(track, 44_100, from, 10, seed);
  for (let i = 0; i < raw.length; i++) raw[i] = (raw[i] ?? 0) * 0.6;
  addNoiseAtSnr(raw, 10, seed + 1);
  const wav = decodeWavPcm(encodeWav16([raw], 44_100));
  return { samples: wav.samples, sampleRate: wav.sampleRate };
}

describe('matchFingerprint', () => {
  it.each([3, 7, 11, 16])('finds a noisy, resampled 10 s excerpt of track %i at the right offset', (n) => {
    const { id, track } = tracks[n]!;
    const from = track.durationSeconds / 2 - 5 + 0.0123 * n; // deliberately not frame-aligned
    const { samples, sampleRate } = capture(track, from, 77 + n);
    const match = matchFingerprint(index, fingerprintPcm(samples, sampleRate));
    expect(match?.trackId).toBe(id);
    expect(Math.abs((match?.offsetSeconds ?? Infinity) - from)).toBeLessThanOrEqual(0.1);
    expect(match?.confidence).toBeGreaterThan(0.5);
    expect(match?.confidence).toBeLessThanOrEqual(1);
  });

  it('returns none for music that is not in the index', () => {
    for (const seed of [9001, 9002, 9003]) {
      const { samples, sampleRate } = capture(makeTrack(seed, 40), 15, seed);
      expect(matchFingerprint(index, fingerprintPcm(samples, sampleRate))).toBeNull();
    }
  });

  it('returns none for pure noise, a steady tone and silence', () => {
    const quietNoise = addNoise(new Float32Array(10 * RATE), 0.01, 3);
    const loudNoise = addNoise(new Float32Array(10 * RATE), 0.3, 4);
    const steadyTone = new Float32Array(10 * RATE).map(
      (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / RATE),
    );
    const silence = new Float32Array(10 * RATE);
    expect(matchFingerprint(index, fingerprintPcm(quietNoise, RATE))).toBeNull();
    expect(matchFingerprint(index, fingerprintPcm(steadyTone, RATE))).toBeNull();
    expect(fingerprintPcm(silence, RATE).landmarks).toHaveLength(0);
    expect(matchFingerprint(index, fingerprintPcm(silence, RATE))).toBeNull();
    expect(matchFingerprint(index, fingerprintPcm(loudNoise, RATE))).toBeNull();
  });

  it('is deterministic and independent of index insertion order', () => {
    const { samples, sampleRate } = capture(tracks[5]!.track, 12.3, 5);
    const fp = fingerprintPcm(samples, sampleRate);
    const reversed = new FingerprintIndex();
    for (const { id, track } of [...tracks].reverse()) {
      const i = Number(id.slice(-2));
      reversed.add(id, fingerprintPcm(renderTrack(track, RATE, 0, track.durationSeconds, 5000 + i), RATE));
    }
    const a = matchFingerprint(index, fp);
    expect(matchFingerprint(index, fp)).toEqual(a);
    expect(matchFingerprint(reversed, fp)).toEqual(a);
    expect(a?.trackId).toBe('track-05');
  });

  it('returns none on an empty index and rejects duplicate track ids', () => {
    const empty = new FingerprintIndex();
    const fp = fingerprintPcm(renderTrack(tracks[0]!.track, RATE, 0, 10), RATE);
    expect(matchFingerprint(empty, fp)).toBeNull();
    expect(() => index.add('track-00', fp)).toThrow(/already indexed/);
  });
});
