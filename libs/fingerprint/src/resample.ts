// Linear-interpolation resampler. Good enough for fingerprinting: landmarks only need the
// positions of strong spectral peaks below 4 kHz, not audio fidelity. When downsampling, a
// moving average about one output period wide runs first, a cheap low-pass that stops most
// energy above the new Nyquist (e.g. cymbals/noise at 44.1 kHz) folding into the band.

export function resampleLinear(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0))
    throw new RangeError(`sample rates must be positive (got ${fromRate} → ${toRate})`);
  if (fromRate === toRate) return input.slice();
  const ratio = fromRate / toRate;
  const source = ratio > 1 ? boxFilter(input, Math.round(ratio)) : input;
  const outLength = Math.floor((input.length * toRate) / fromRate);
  const out = new Float32Array(outLength);
  const last = source.length - 1;
  for (let i = 0; i < outLength; i++) {
    const x = i * ratio;
    const j = Math.floor(x);
    const frac = x - j;
    const a = source[Math.min(j, last)] ?? 0;
    const b = source[Math.min(j + 1, last)] ?? 0;
    out[i] = a + (b - a) * frac;
  }
  return out;
}

/** Centred moving average of `width` samples (width <= 1 returns the input unchanged). */
function boxFilter(input: Float32Array, width: number): Float32Array {
  if (width <= 1) return input;
  const out = new Float32Array(input.length);
  const half = Math.floor(width / 2);
  let sum = 0;
  let count = 0;
  // Sliding window [i - half, i - half + width).
  for (let k = 0; k < Math.min(width - half, input.length); k++) {
    sum += input[k] ?? 0;
    count++;
  }
  for (let i = 0; i < input.length; i++) {
    out[i] = sum / count;
    const enter = i - half + width;
    const leave = i - half;
    if (enter < input.length) {
      sum += input[enter] ?? 0;
      count++;
    }
    if (leave >= 0) {
      sum -= input[leave] ?? 0;
      count--;
    }
  }
  return out;
}
