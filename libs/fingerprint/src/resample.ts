// Resampler for analysis, not for listening: landmarks only need where strong spectral peaks
// below 4 kHz are. Downsampling evaluates a tent (triangular) kernel one output period wide
// on each side, centred on each output instant: a low-pass with nulls at the output rate and
// its multiples (sidelobes ≤ −26 dB), so hiss and cymbals above the new Nyquist do not fold
// into the band much. It touches each input sample about twice and allocates only the
// output — at 44.1 kHz the cost of large intermediate arrays, not arithmetic, dominated.
// Upsampling interpolates linearly.

export function resampleLinear(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0))
    throw new RangeError(`sample rates must be positive (got ${fromRate} → ${toRate})`);
  if (fromRate === toRate) return input.slice();
  const ratio = fromRate / toRate;
  const outLength = Math.floor((input.length * toRate) / fromRate);
  return ratio > 1 ? tentDecimate(input, ratio, outLength) : interpolate(input, ratio, outLength);
}

function interpolate(input: Float32Array, ratio: number, outLength: number): Float32Array {
  const out = new Float32Array(outLength);
  const last = input.length - 1;
  for (let i = 0; i < outLength; i++) {
    const x = i * ratio;
    const j = x | 0;
    const a = input[j < last ? j : last]!;
    const b = input[j + 1 < last ? j + 1 : last]!;
    out[i] = a + (b - a) * (x - j);
  }
  return out;
}

function tentDecimate(input: Float32Array, ratio: number, outLength: number): Float32Array {
  const out = new Float32Array(outLength);
  const n = input.length;
  const inv = 1 / ratio;
  for (let i = 0; i < outLength; i++) {
    const centre = i * ratio;
    const from = Math.max(0, Math.ceil(centre - ratio));
    const to = Math.min(n - 1, Math.floor(centre + ratio));
    const mid = Math.min(to + 1, Math.max(from, Math.ceil(centre)));
    // Weights 1 − |k − centre| / ratio, rising by `inv` per sample up to the centre, then falling.
    let sum = 0;
    let weights = 0;
    let w = 1 - (centre - from) * inv;
    for (let k = from; k < mid; k++, w += inv) {
      sum += w * input[k]!;
      weights += w;
    }
    w = 1 - (mid - centre) * inv;
    for (let k = mid; k <= to; k++, w -= inv) {
      sum += w * input[k]!;
      weights += w;
    }
    out[i] = weights > 0 ? sum / weights : 0;
  }
  return out;
}
