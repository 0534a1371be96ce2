import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findPeaks,
  FINGERPRINT_PARAMS,
  FINGERPRINT_PARAMS_VERSION,
  fingerprintPcm,
  fingerprintQuery,
  FrameSpectrum,
  hannWindow,
  findTriplets,
  spectrogram,
  unpackHash,
} from '../src/index.ts';
import { addNoise, addNoiseAtSnr, makeTrack, renderTrack } from './synthetic-audio.ts';

const P = FINGERPRINT_PARAMS;
const RATE = P.sampleRate;

describe('spectrogram', () => {
  it('matches a direct DFT of the Hann-windowed frame at every bin, DC and Nyquist included', () => {
    const N = 64;
    const x = Float32Array.from(
      { length: 3 * N },
      (_, i) => Math.sin(i * 0.37) + 0.5 * Math.cos(i * 1.9) + 0.2,
    );
    const frames = new FrameSpectrum(x, N, N, 0, N / 2);
    const row = new Float32Array(N / 2 + 1);
    const w = hannWindow(N);
    for (let f = 0; f < frames.frames; f++) {
      frames.computePower(f, row);
      for (let k = 0; k <= N / 2; k++) {
        let re = 0;
        let im = 0;
        for (let n = 0; n < N; n++) {
          const v = x[f * N + n]! * w[n]!;
          re += v * Math.cos((2 * Math.PI * k * n) / N);
          im -= v * Math.sin((2 * Math.PI * k * n) / N);
        }
        const power = (re * re + im * im) * (4 / N) ** 2;
        expect(Math.abs(row[k]! - power)).toBeLessThanOrEqual(1e-5 * Math.max(power, 1e-3));
      }
    }
  });

  it('puts a full-scale sine at ~0 dBFS in its bin', () => {
    const bin = 128; // 1000 Hz at 8 kHz / 1024
    const x = Float32Array.from({ length: 4096 }, (_, i) => Math.sin((2 * Math.PI * bin * i) / 1024));
    const spec = spectrogram(x, 1024, 256);
    expect(spec.frames).toBe(13);
    expect(spec.bins).toBe(513);
    expect(spec.db[bin]).toBeCloseTo(0, 1);
    expect(spec.db[bin + 20]).toBeLessThan(-60);
    // A sub-band keeps the same values at the same bins.
    const band = spectrogram(x, 1024, 256, 100, 200);
    expect(band.bins).toBe(101);
    expect(band.db[bin - 100]).toBeCloseTo(spec.db[bin]!, 6);
  });

  it('handles short input and silence without NaN/-Infinity, and rejects bad shapes', () => {
    expect(spectrogram(new Float32Array(100), 1024, 256).frames).toBe(0);
    const spec = spectrogram(new Float32Array(2048), 1024, 256);
    expect(spec.db.every((v) => Number.isFinite(v))).toBe(true);
    expect(() => spectrogram(new Float32Array(2048), 1000, 256)).toThrow(/power of two/);
    expect(() => spectrogram(new Float32Array(2048), 1024, 0)).toThrow(/hopSize/);
    expect(() => spectrogram(new Float32Array(2048), 1024, 256, 10, 600)).toThrow(/bin range/);
  });

  it('hann window is symmetric, zero at the start and 1 at the centre', () => {
    const w = hannWindow(8);
    expect(w[0]).toBe(0);
    expect(w[4]).toBeCloseTo(1, 12);
    expect(w[1]).toBeCloseTo(w[7] ?? NaN, 12);
  });
});

describe('peaks and triplets', () => {
  const audio = renderTrack(makeTrack(42, 12), RATE, 0, 12, 9);
  const spectrum = () => new FrameSpectrum(audio, P.frameSize, P.hopSize, P.minBin - 2, P.maxBin + 2);

  it('come sorted, inside the band, within the per-band budget of every window', () => {
    const peaks = findPeaks(spectrum(), P, 2);
    expect(peaks.count).toBeGreaterThan(20);
    for (let i = 0; i < peaks.count; i++) {
      expect(peaks.bin[i]).toBeGreaterThanOrEqual(P.minBin - 0.5);
      expect(peaks.bin[i]).toBeLessThanOrEqual(P.maxBin + 0.5);
      expect(Math.abs(peaks.time[i]! - peaks.frame[i]!)).toBeLessThanOrEqual(0.5);
      expect(peaks.prominence[i]).toBeGreaterThanOrEqual(P.minProminenceDb);
      if (i > 0) expect(peaks.frame[i]! >= peaks.frame[i - 1]!).toBe(true);
    }
    // Each kept peak has fewer than 2 more prominent peaks of its band within ±densityHalfFrames.
    const band = (bin: number) => P.bandEdges.findIndex((_, b) => bin < P.bandEdges[b + 1]!);
    for (let i = 0; i < peaks.count; i++) {
      let stronger = 0;
      for (let j = 0; j < peaks.count; j++) {
        if (j === i || band(Math.round(peaks.bin[j]!)) !== band(Math.round(peaks.bin[i]!))) continue;
        if (Math.abs(peaks.frame[j]! - peaks.frame[i]!) > P.densityHalfFrames) continue;
        if (peaks.prominence[j]! > peaks.prominence[i]!) stronger++;
      }
      expect(stronger).toBeLessThan(2);
    }
  });

  it('a query keeps more peaks and triplets than a track', () => {
    const track = findPeaks(spectrum(), P, P.peaksPerBandWindow);
    const query = findPeaks(spectrum(), P, P.queryPeaksPerBandWindow);
    expect(query.count).toBeGreaterThan(track.count);
    expect(findTriplets(query, P, P.queryTargetsPerAnchor).count).toBeGreaterThan(
      findTriplets(track, P, P.targetsPerAnchor).count,
    );
  });

  it('averaging power over frames thins noise maxima and keeps a held tone', () => {
    const noisy = addNoise(new Float32Array(RATE * 6), 0.05, 11);
    const bin = 200; // a steady tone between two bins' worth of noise maxima
    for (let i = 0; i < noisy.length; i++)
      noisy[i]! += 0.05 * Math.sin((2 * Math.PI * bin * i) / P.frameSize);
    const all = (smoothHalfFrames: number) =>
      findPeaks(
        new FrameSpectrum(noisy, P.frameSize, P.hopSize, P.minBin - 2, P.maxBin + 2),
        { ...P, smoothHalfFrames },
        10_000, // no budget: every candidate counts
      );
    const raw = all(0);
    const smoothed = all(1);
    // Noise maxima last about a frame: averaging three frames removes many of them.
    expect(smoothed.count).toBeLessThan(0.8 * raw.count);
    // The tone is among the most prominent peaks either way, at the same frequency.
    const strongest = (peaks: ReturnType<typeof all>) =>
      Math.round(peaks.bin[peaks.prominence.indexOf(Math.max(...peaks.prominence))]!);
    expect(strongest(raw)).toBe(bin);
    expect(strongest(smoothed)).toBe(bin);
  });

  it('triplets stay inside the target zone, in time order, at most C(k, 2) per anchor', () => {
    const peaks = findPeaks(spectrum(), P, P.peaksPerBandWindow);
    const k = 4;
    const triplets = findTriplets(peaks, P, k);
    expect(triplets.count).toBeGreaterThan(50);
    const perAnchor = new Map<number, number>();
    for (let i = 0; i < triplets.count; i++) {
      const a = triplets.anchor[i]!;
      expect(triplets.first[i]).toBeLessThan(triplets.second[i]!);
      for (const b of [triplets.first[i]!, triplets.second[i]!]) {
        const dt = peaks.time[b]! - peaks.time[a]!;
        expect(dt).toBeGreaterThanOrEqual(P.minDt);
        expect(dt).toBeLessThanOrEqual(P.maxDt);
        expect(Math.abs(Math.log2(peaks.bin[b]! / peaks.bin[a]!))).toBeLessThanOrEqual(P.maxOctaves);
      }
      perAnchor.set(a, (perAnchor.get(a) ?? 0) + 1);
    }
    expect(Math.max(...perAnchor.values())).toBeLessThanOrEqual((k * (k - 1)) / 2);
  });

  it('track hashes decode to in-range fields and carry the params version', () => {
    const fp = fingerprintPcm(audio, RATE);
    expect(fp.version).toBe(FINGERPRINT_PARAMS_VERSION);
    expect(fp.hashes.length).toBe(fp.offsets.length);
    for (const h of fp.hashes) {
      const { dt1, dt2 } = unpackHash(h);
      expect(dt1).toBeGreaterThanOrEqual(P.minDt);
      // Targets are in frame order; their interpolated times may differ by under a frame.
      expect(dt2).toBeGreaterThanOrEqual(dt1 - 1);
      expect(dt2).toBeLessThanOrEqual(P.maxDt + 1);
    }
    expect(fingerprintPcm(audio, RATE, { ...P, targetsPerAnchor: 2 }).version).toBe(0);
  });

  it('a query has one entry per triplet and trial speed; at speed 1 it is a track fingerprint', () => {
    const q = fingerprintQuery(audio, RATE);
    expect(q.hashes.length).toBe(q.landmarkCount * P.speeds.length);
    const unit = P.speeds.indexOf(1);
    expect(unit).toBeGreaterThanOrEqual(0);
    const at = unit * q.landmarkCount;
    const asTrack = fingerprintPcm(audio, RATE, {
      ...P,
      peaksPerBandWindow: P.queryPeaksPerBandWindow,
      targetsPerAnchor: P.queryTargetsPerAnchor,
    });
    expect([...q.hashes.subarray(at, at + q.landmarkCount)]).toEqual([...asTrack.hashes]);
    expect([...q.offsets.subarray(at, at + q.landmarkCount)]).toEqual([...asTrack.offsets]);
  });

  it('silence and too-short input give empty fingerprints; a bad sample rate is rejected', () => {
    expect(fingerprintPcm(new Float32Array(RATE * 5), RATE).hashes).toHaveLength(0);
    expect(fingerprintQuery(new Float32Array(100), RATE).hashes).toHaveLength(0);
    expect(() => fingerprintPcm(audio, 0)).toThrow(/sample rate/);
  });

  it('property: fingerprints are invariant to gain (within the dynamic range)', () => {
    const base = fingerprintPcm(audio, RATE);
    const key = (fp: { hashes: Uint32Array; offsets: Uint32Array }) =>
      new Set([...fp.hashes].map((h, i) => `${h}@${fp.offsets[i]}`));
    const baseKeys = [...key(base)];
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 3, noNaN: true }), (gain) => {
        const scaled = key(
          fingerprintPcm(
            audio.map((s) => s * gain),
            RATE,
          ),
        );
        expect(baseKeys.filter((k) => scaled.has(k)).length / baseKeys.length).toBeGreaterThan(0.95);
      }),
      { numRuns: 8 },
    );
  });

  it('is deterministic: same input, same fingerprint', () => {
    const noisy = addNoiseAtSnr(audio.slice(), 10, 1);
    expect(fingerprintPcm(noisy, RATE)).toEqual(fingerprintPcm(noisy.slice(), RATE));
    expect(fingerprintQuery(noisy, 44_100)).toEqual(fingerprintQuery(noisy.slice(), 44_100));
  });
});
