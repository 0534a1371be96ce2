import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  findPeaks,
  fingerprintPcm,
  hannWindow,
  pairLandmarks,
  spectrogram,
  unpackHash,
} from '../src/index.ts';
import { addNoiseAtSnr, makeTrack, renderTrack } from './synthetic-audio.ts';

const RATE = DEFAULT_CONFIG.sampleRate;

describe('spectrogram', () => {
  it('puts a full-scale sine at ~0 dBFS in its bin', () => {
    const bin = 128; // 1000 Hz at 8 kHz / 1024
    const x = Float32Array.from({ length: 4096 }, (_, i) => Math.sin((2 * Math.PI * bin * i) / 1024));
    const spec = spectrogram(x, 1024, 256);
    expect(spec.frames).toBe(13);
    expect(spec.bins).toBe(513);
    expect(spec.db[bin]).toBeCloseTo(0, 1);
    expect(spec.db[bin + 20]).toBeLessThan(-60);
  });

  it('handles short input and silence without NaN/-Infinity', () => {
    expect(spectrogram(new Float32Array(100), 1024, 256).frames).toBe(0);
    const spec = spectrogram(new Float32Array(2048), 1024, 256);
    expect(spec.db.every((v) => Number.isFinite(v))).toBe(true);
    expect(() => spectrogram(new Float32Array(2048), 1000, 256)).toThrow(/power of two/);
  });

  it('hann window is symmetric, zero at the start and 1 at the centre', () => {
    const w = hannWindow(8);
    expect(w[0]).toBe(0);
    expect(w[4]).toBeCloseTo(1, 12);
    expect(w[1]).toBeCloseTo(w[7] ?? NaN, 12);
  });
});

describe('peaks and landmarks', () => {
  const track = makeTrack(42, 12);
  const audio = renderTrack(track, RATE, 0, 12, 9);

  it('respects the per-second cap and the bin range, and comes sorted', () => {
    const cfg = { ...DEFAULT_CONFIG, maxPeaksPerSecond: 5, peakMarginDb: 5 };
    const peaks = findPeaks(spectrogram(audio, cfg.frameSize, cfg.hopSize), cfg);
    const perBlock = new Map<number, number>();
    for (const p of peaks)
      perBlock.set(Math.floor(p.frame / 31), (perBlock.get(Math.floor(p.frame / 31)) ?? 0) + 1);
    expect(Math.max(...perBlock.values())).toBeLessThanOrEqual(5);
    for (const p of peaks) expect(p.bin >= cfg.minBin && p.bin <= cfg.maxBin).toBe(true);
    for (let i = 1; i < peaks.length; i++) {
      const a = peaks[i - 1]!;
      const b = peaks[i]!;
      expect(a.frame < b.frame || (a.frame === b.frame && a.bin < b.bin)).toBe(true);
    }
  });

  it('landmarks stay inside the target zone with at most fanOut pairs per anchor', () => {
    const cfg = DEFAULT_CONFIG;
    const landmarks = fingerprintPcm(audio, RATE).landmarks;
    expect(landmarks.length).toBeGreaterThan(50);
    const perAnchor = new Map<string, number>();
    for (const { hash, offset } of landmarks) {
      const { f1, f2, dt } = unpackHash(hash);
      expect(dt).toBeGreaterThanOrEqual(cfg.targetMinDt);
      expect(dt).toBeLessThanOrEqual(cfg.targetMaxDt);
      expect(Math.abs(f2 - f1)).toBeLessThanOrEqual(cfg.targetMaxDf);
      perAnchor.set(`${offset}:${f1}`, (perAnchor.get(`${offset}:${f1}`) ?? 0) + 1);
    }
    expect(Math.max(...perAnchor.values())).toBeLessThanOrEqual(cfg.fanOut);
  });

  it('pairLandmarks of no or one peak is empty', () => {
    expect(pairLandmarks([], DEFAULT_CONFIG)).toEqual([]);
    expect(pairLandmarks([{ frame: 0, bin: 10, db: 0 }], DEFAULT_CONFIG)).toEqual([]);
  });

  it('property: fingerprints are invariant to gain (within the dynamic range)', () => {
    const base = fingerprintPcm(audio, RATE).landmarks;
    fc.assert(
      fc.property(fc.double({ min: 0.25, max: 3, noNaN: true }), (gain) => {
        const scaled = audio.map((s) => s * gain);
        const hashes = new Set(fingerprintPcm(scaled, RATE).landmarks.map((l) => `${l.hash}@${l.offset}`));
        const kept = base.filter((l) => hashes.has(`${l.hash}@${l.offset}`)).length;
        expect(kept / base.length).toBeGreaterThan(0.95);
      }),
      { numRuns: 8 },
    );
  });

  it('is deterministic: same input, same landmarks', () => {
    const noisy = addNoiseAtSnr(audio.slice(), 10, 1);
    expect(fingerprintPcm(noisy, RATE)).toEqual(fingerprintPcm(noisy.slice(), RATE));
  });
});
