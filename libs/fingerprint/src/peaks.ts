// Constellation peaks: spectrogram cells that are the maximum of their time-frequency
// neighbourhood and stand out from their frame (adaptive threshold). Strong, isolated
// peaks are what survive noise, gain changes and codecs, which is why landmarks use them.
import type { FingerprintConfig } from './config.ts';
import type { Spectrogram } from './spectrogram.ts';

export interface Peak {
  readonly frame: number;
  readonly bin: number;
  readonly db: number;
}

export function findPeaks(spec: Spectrogram, config: FingerprintConfig): Peak[] {
  const { frames, bins, db } = spec;
  const lo = Math.max(0, config.minBin);
  const hi = Math.min(bins - 1, config.maxBin);
  if (frames === 0 || hi < lo) return [];
  const freqMax = maxAlongFrequency(spec, lo, hi, config.peakNeighbourhoodBins);
  const frameMean = meanPerFrame(spec, lo, hi);
  const dt = config.peakNeighbourhoodFrames;
  const candidates: Peak[] = [];
  for (let f = 0; f < frames; f++) {
    const threshold = Math.max(config.peakFloorDb, (frameMean[f] ?? 0) + config.peakMarginDb);
    for (let k = lo; k <= hi; k++) {
      const v = db[f * bins + k] ?? 0;
      if (v < threshold || v !== freqMax[f * bins + k]) continue;
      if (isTimeMax(freqMax, bins, frames, f, k, dt, v)) candidates.push({ frame: f, bin: k, db: v });
    }
  }
  return capPerSecond(
    candidates,
    Math.max(1, Math.round(config.sampleRate / config.hopSize)),
    config.maxPeaksPerSecond,
  );
}

/** Max over ±half bins within each frame (first, separable half of the 2-D max filter). */
function maxAlongFrequency(spec: Spectrogram, lo: number, hi: number, half: number): Float32Array {
  const { frames, bins, db } = spec;
  const out = new Float32Array(frames * bins);
  for (let f = 0; f < frames; f++) {
    const row = f * bins;
    for (let k = lo; k <= hi; k++) {
      let m = -Infinity;
      const a = Math.max(lo, k - half);
      const b = Math.min(hi, k + half);
      for (let j = a; j <= b; j++) {
        const v = db[row + j] ?? -Infinity;
        if (v > m) m = v;
      }
      out[row + k] = m;
    }
  }
  return out;
}

/**
 * True if v is the max over ±dt frames, and no earlier frame ties it: plateaus (e.g. a
 * steady tone) then yield one peak, not one per frame.
 */
function isTimeMax(
  freqMax: Float32Array,
  bins: number,
  frames: number,
  f: number,
  k: number,
  dt: number,
  v: number,
): boolean {
  for (let g = Math.max(0, f - dt); g <= Math.min(frames - 1, f + dt); g++) {
    if (g === f) continue;
    const w = freqMax[g * bins + k] ?? -Infinity;
    if (w > v || (w === v && g < f)) return false;
  }
  return true;
}

function meanPerFrame(spec: Spectrogram, lo: number, hi: number): Float32Array {
  const out = new Float32Array(spec.frames);
  for (let f = 0; f < spec.frames; f++) {
    let sum = 0;
    for (let k = lo; k <= hi; k++) sum += spec.db[f * spec.bins + k] ?? 0;
    out[f] = sum / (hi - lo + 1);
  }
  return out;
}

/** Keep the strongest `cap` peaks in each one-second block; output sorted by (frame, bin). */
function capPerSecond(peaks: Peak[], framesPerSecond: number, cap: number): Peak[] {
  const blocks = new Map<number, Peak[]>();
  for (const p of peaks) {
    const b = Math.floor(p.frame / framesPerSecond);
    const list = blocks.get(b);
    if (list) list.push(p);
    else blocks.set(b, [p]);
  }
  const kept: Peak[] = [];
  for (const list of blocks.values()) {
    list.sort((x, y) => y.db - x.db || x.frame - y.frame || x.bin - y.bin);
    kept.push(...list.slice(0, cap));
  }
  return kept.sort((x, y) => x.frame - y.frame || x.bin - y.bin);
}
