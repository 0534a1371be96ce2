// Constellation peaks: cells that are the maximum of their time–frequency neighbourhood and
// stand out from the frame's local spectral level (prominence). Ranking by prominence, with
// a budget per frequency band in every short window, is what makes them survive noise: a
// broadband noise floor lifts the local level everywhere, so noise maxima have little
// prominence and lose to the music's harmonics, while each band keeps its own peaks even
// when a low-pass or a telephone line removes the others. Power is first averaged over three
// frames, so a noise maximum (about a frame long) sinks towards the noise floor while a held
// note keeps its level: at 0 dB pink noise that kept ~6 % more 10 s captures recognisable.
//
// Frames stream through a ring of 2·peakHalfFrames+1 rows, so memory does not grow with
// the length of the track (allocating whole-track grids cost more than the arithmetic).
import type { FingerprintParams } from './params.ts';
import { claim, heapF32, heapI32, kernels } from './kernels.ts';
import { MIN_POWER, type FrameSpectrum } from './spectrogram.ts';

export interface Peaks {
  readonly count: number;
  /** Frame of each peak (integer), sorted ascending (ties by bin). */
  readonly frame: Int32Array;
  /** Time in frames, interpolated between frames. */
  readonly time: Float32Array;
  /** Frequency in FFT bins, interpolated between bins. */
  readonly bin: Float32Array;
  /** log2 of `bin` (hashes are log-frequency). */
  readonly log2Bin: Float32Array;
  /** dB above the frame's local mean level. */
  readonly prominence: Float32Array;
}

interface Candidates {
  frame: number[];
  col: number[];
  prominence: number[];
  binOffset: number[];
  timeOffset: number[];
}

export function findPeaks(spectrum: FrameSpectrum, params: FingerprintParams, perBandWindow: number): Peaks {
  const { frames, bins, firstBin } = spectrum;
  const H = params.peakHalfFrames;
  const R = 2 * H + 1;
  const S = params.smoothHalfFrames;
  const W = 2 * S + 1;
  const half = params.peakHalfBins;
  const floorDb = params.floorDb;
  // The kernels compare in float32: a floor that is not one would round.
  if (Math.fround(floorDb) !== floorDb)
    throw new RangeError(`floorDb must be a float32 value (got ${floorDb})`);
  // Rings in the kernels' memory (byte addresses), claimed before any view is taken: the dB
  // rows, their window maxima, and per row the columns that are their row window's maximum
  // and above the floor (at most `bins` of them); then the power rows being averaged.
  const rowBytes = bins * 4;
  const dbAt = claim('peaks-db', R * rowBytes);
  const fmaxAt = claim('peaks-fmax', R * rowBytes);
  const maximaAt = claim('peaks-maxima', R * rowBytes);
  const rawAt = claim('peaks-power', W * rowBytes);
  const scratchAt = claim('peaks-scratch', (bins + 4 * half + 5) * 4);
  const db = heapF32().subarray(dbAt >> 2, (dbAt >> 2) + R * bins);
  const fmax = heapF32().subarray(fmaxAt >> 2, (fmaxAt >> 2) + R * bins);
  const maxima = heapI32().subarray(maximaAt >> 2, (maximaAt >> 2) + R * bins);
  const maximaCount = new Int32Array(R);
  const lo = Math.max(1, params.minBin - firstBin);
  const hi = Math.min(bins - 2, params.maxBin - firstBin);
  const B = params.backgroundHalfBins;
  const minProminence = params.minProminenceDb;
  const found: Candidates = { frame: [], col: [], prominence: [], binOffset: [], timeOffset: [] };

  const evaluate = (f: number): void => {
    const row = (f % R) * bins;
    const first = Math.max(0, f - H);
    const last = Math.min(frames - 1, f + H);
    for (let k = 0; k < maximaCount[f % R]!; k++) {
      const c = maxima[row + k]!;
      const v = db[row + c]!;
      let isMax = true;
      for (let g = first; g <= last && isMax; g++) {
        if (g === f) continue;
        const w = fmax[(g % R) * bins + c]!;
        // Ties go to the earliest frame, so a steady tone yields one peak, not one per frame.
        if (w > v || (w === v && g < f)) isMax = false;
      }
      if (!isMax) continue;
      // Background: mean dB of the frame within ±B bins (summed here, for the few survivors).
      const a = Math.max(0, c - B);
      const b = Math.min(bins, c + B + 1);
      let sum = 0;
      for (let x = row + a; x < row + b; x++) sum += db[x]!;
      const prominence = v - sum / (b - a);
      if (prominence < minProminence) continue;
      found.frame.push(f);
      found.col.push(c);
      found.prominence.push(prominence);
      found.binOffset.push(vertex(db[row + c - 1]!, v, db[row + c + 1]!));
      found.timeOffset.push(
        f > 0 && f < frames - 1 ? vertex(db[((f - 1) % R) * bins + c]!, v, db[((f + 1) % R) * bins + c]!) : 0,
      );
    }
  };

  for (let g = 0; g < frames + S; g++) {
    if (g < frames) {
      if (S > 0) spectrum.computePowerAt(g, rawAt + (g % W) * rowBytes);
      else spectrum.compute(g, db, (g % R) * bins);
    }
    const s = g - S;
    if (s < 0) continue;
    const row = (s % R) * bins;
    // Mean power of frames s−S..s+S (summed in float32 in frame order: the sum is part of
    // the params), then dB: a partial holds its level, a noise maximum does not (averaging
    // power rather than dB narrows the noise's spread the most).
    if (S > 0) {
      const a = Math.max(0, s - S);
      const b = Math.min(frames - 1, s + S);
      kernels.smoothToDb(rawAt, W, bins, a, b, 1 / (b - a + 1), MIN_POWER, dbAt + row * 4);
    }
    maximaCount[s % R] = kernels.slidingMax(
      dbAt + row * 4,
      bins,
      half,
      fmaxAt + row * 4,
      lo,
      hi,
      floorDb,
      maximaAt + row * 4,
      scratchAt,
    );
    if (s - H >= 0) evaluate(s - H);
  }
  for (let f = Math.max(0, frames - H); f < frames; f++) evaluate(f);

  const keep = limitDensity(found, params, firstBin, perBandWindow);
  const n = keep.length;
  const out: Peaks = {
    count: n,
    frame: new Int32Array(n),
    time: new Float32Array(n),
    bin: new Float32Array(n),
    log2Bin: new Float32Array(n),
    prominence: new Float32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const k = keep[i]!;
    const bin = firstBin + found.col[k]! + found.binOffset[k]!;
    out.frame[i] = found.frame[k]!;
    out.time[i] = found.frame[k]! + found.timeOffset[k]!;
    out.bin[i] = bin;
    out.log2Bin[i] = Math.log2(bin);
    out.prominence[i] = found.prominence[k]!;
  }
  return out;
}

/** Offset (−0.5..0.5) of the vertex of the parabola through three neighbouring values. */
function vertex(a: number, b: number, c: number): number {
  const d = a - 2 * b + c;
  if (d >= 0) return 0;
  const x = (0.5 * (a - c)) / d;
  return x > 0.5 ? 0.5 : x < -0.5 ? -0.5 : x;
}

/**
 * Keeps a candidate when fewer than `perWindow` candidates of its band within
 * ±densityHalfFrames are more prominent. Decided per peak from its own neighbourhood, so a
 * query cut anywhere from a track keeps the same peaks as the track (no block boundaries).
 * Returns candidate indices in (frame, bin) order.
 */
function limitDensity(
  found: Candidates,
  params: FingerprintParams,
  firstBin: number,
  perWindow: number,
): number[] {
  const { frame, col, prominence } = found;
  const edges = params.bandEdges;
  const bands: number[][] = Array.from({ length: edges.length - 1 }, () => []);
  for (let i = 0; i < frame.length; i++) {
    const bin = col[i]! + firstBin;
    let b = 0;
    while (b < edges.length - 2 && bin >= edges[b + 1]!) b++;
    bands[b]!.push(i);
  }
  const D = params.densityHalfFrames;
  const kept: number[] = [];
  for (const list of bands) {
    let start = 0;
    for (let x = 0; x < list.length; x++) {
      const i = list[x]!;
      const f = frame[i]!;
      const p = prominence[i]!;
      while (frame[list[start]!]! < f - D) start++;
      let stronger = 0;
      for (let y = start; y < list.length && stronger < perWindow; y++) {
        const j = list[y]!;
        if (frame[j]! > f + D) break;
        const q = prominence[j]!;
        if (q > p || (q === p && j < i)) stronger++;
      }
      if (stronger < perWindow) kept.push(i);
    }
  }
  // Candidate indices were generated in (frame, bin) order.
  return kept.sort((a, b) => a - b);
}
