// Resampler for analysis, not for listening: landmarks only need where strong spectral peaks
// below 4 kHz are. Downsampling evaluates a tent (triangular) kernel one output period wide
// on each side, centred on each output instant: a low-pass with nulls at the output rate and
// its multiples (sidelobes ≤ −26 dB), so hiss and cymbals above the new Nyquist do not fold
// into the band much. It touches each input sample about twice and allocates only the
// output — at 44.1 kHz the cost of large intermediate arrays, not arithmetic, dominated.
// Upsampling interpolates linearly.

import { claim, heapF32, heapF64, heapI32, kernels } from './kernels.ts';

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
  const table = phaseTable(ratio);
  if (!table) {
    for (let i = 0; i < outLength; i++) out[i] = tentAt(input, ratio, i);
    return out;
  }
  // Outputs whose kernel lies wholly inside the input use the per-phase weights; the few at
  // either end (clipped kernels, renormalised) go through tentAt.
  const { p, q, first, taps, stride, weights } = table;
  const n = input.length;
  const from = (i: number): number => Math.floor(i / q) * p + first[i % q]!;
  // `from` never decreases: outputs [i0, i2) have their whole kernel inside the input, and
  // those before i1 also the padding taps the 13-tap kernel reads.
  let i0 = 0;
  while (i0 < outLength && from(i0) < 0) i0++;
  let i2 = outLength;
  while (i2 > i0 && from(i2 - 1) + taps > n) i2--;
  let i1 = stride === UNROLLED_TAPS ? i2 : i0;
  while (i1 > i0 && from(i1 - 1) + UNROLLED_TAPS > n) i1--;
  if (i1 > i0) decimate13(input, table, from, i0, i1, out);
  for (let i = 0; i < i0; i++) out[i] = tentAt(input, ratio, i);
  for (let i = i1; i < i2; i++) out[i] = dot(weights, (i % q) * stride, input, from(i), taps);
  for (let i = i2; i < outLength; i++) out[i] = tentAt(input, ratio, i);
  return out;
}

/**
 * 44.1 and 48 kHz → 8 kHz (12 and 13 taps), the rates of nearly all audio, run a 13-tap dot
 * product in WASM (assembly/kernels.ts, two outputs at once in f64x2 lanes; with the other
 * kernels `fingerprintQuery` ran ×1.9 faster side by side, docs/performance.md). Padding
 * weights are zeros after the last tap, added in the same order as the loop: the sum is
 * bit-identical. The input passes through the kernels' memory a block of outputs at a time.
 */
const UNROLLED_TAPS = 13;
const UNROLL_FROM_TAPS = 10;
const BLOCK_OUTPUTS = 8192;

function decimate13(
  input: Float32Array,
  table: PhaseTable,
  from: (i: number) => number,
  i0: number,
  i1: number,
  out: Float32Array,
): void {
  const { p, q } = table;
  const { pairs, first } = kernelTable(table);
  const blockInputs = Math.ceil(BLOCK_OUTPUTS * (p / q)) + 2 * UNROLLED_TAPS;
  const inputAt = claim('decimator-input', blockInputs * 4);
  const outAt = claim('decimator-output', BLOCK_OUTPUTS * 4);
  const heap = heapF32();
  for (let a = i0; a < i1; a += BLOCK_OUTPUTS) {
    const b = Math.min(i1, a + BLOCK_OUTPUTS);
    const base = from(a);
    heap.set(input.subarray(base, from(b - 1) + UNROLLED_TAPS), inputAt >> 2);
    kernels.decimate13(inputAt, base, outAt, a, b, pairs, first, p, q);
    out.set(heap.subarray(outAt >> 2, (outAt >> 2) + (b - a)), a);
  }
}

/** A phase table's first taps and weight pairs in the kernels' memory, written once per ratio. */
const kernelTables = new WeakMap<PhaseTable, { pairs: number; first: number }>();

function kernelTable(table: PhaseTable): { pairs: number; first: number } {
  let held = kernelTables.get(table);
  if (!held) {
    const { q, weights, first } = table;
    const key = `${table.p}/${q}`;
    held = {
      pairs: claim(`decimator-pairs-${key}`, q * UNROLLED_TAPS * 16),
      first: claim(`decimator-first-${key}`, first.byteLength),
    };
    const weightsAt = claim('decimator-weights', weights.byteLength);
    heapF64().set(weights, weightsAt >> 3);
    heapI32().set(first, held.first >> 2);
    kernels.pairWeights(weightsAt, q, held.pairs);
    kernelTables.set(table, held);
  }
  return held;
}

function dot(weights: Float64Array, w: number, input: Float32Array, x: number, taps: number): number {
  let sum = 0;
  for (let j = 0; j < taps; j++) sum += weights[w + j]! * input[x + j]!;
  return sum;
}

/** Output i of the tent decimator, any ratio: weights 1 − |k − centre| / ratio, normalised. */
function tentAt(input: Float32Array, ratio: number, i: number): number {
  const n = input.length;
  const inv = 1 / ratio;
  const centre = i * ratio;
  const from = Math.max(0, Math.ceil(centre - ratio));
  const to = Math.min(n - 1, Math.floor(centre + ratio));
  const mid = Math.min(to + 1, Math.max(from, Math.ceil(centre)));
  // Rising by `inv` per sample up to the centre, then falling.
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
  return weights > 0 ? sum / weights : 0;
}

interface PhaseTable {
  /** ratio = p / q in lowest terms: output i = m·q + r is centred at m·p + r·p/q. */
  readonly p: number;
  readonly q: number;
  /** First input sample of phase r, relative to m·p. */
  readonly first: Int32Array;
  /** Weights per phase (zero-padded to `taps`), already normalised to sum 1. */
  readonly taps: number;
  /** Phase r's weights start at r · stride: `taps`, or UNROLLED_TAPS (zero-padded) for the 13-tap kernel. */
  readonly stride: number;
  readonly weights: Float64Array;
}

const tables = new Map<number, PhaseTable | null>();
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Integer rate pairs (44.1 → 8 kHz is 441/80) repeat their kernel positions every q outputs,
 * so the weights and their normalisation are computed once per phase instead of per output:
 * the inner loop is then a plain dot product (the decimator was ~12 % of a query's CPU).
 */
function phaseTable(ratio: number): PhaseTable | null {
  if (tables.has(ratio)) return tables.get(ratio)!;
  let table: PhaseTable | null = null;
  // Rates are integers in practice; find p/q with q small enough for a table.
  for (let q = 1; q <= 1000 && !table; q++) {
    const p = Math.round(ratio * q);
    if (Math.abs(p / q - ratio) > 1e-12 * ratio || gcd(p, q) !== 1) continue;
    const first = new Int32Array(q);
    let taps = 0;
    for (let r = 0; r < q; r++) {
      // ceil((r − 1)·p / q) … floor((r + 1)·p / q), in integers so phases agree exactly.
      const lo = Math.ceil(((r - 1) * p) / q);
      const hi = Math.floor(((r + 1) * p) / q);
      first[r] = lo;
      taps = Math.max(taps, hi - lo + 1);
    }
    const stride = taps >= UNROLL_FROM_TAPS && taps <= UNROLLED_TAPS ? UNROLLED_TAPS : taps;
    const weights = new Float64Array(q * stride);
    for (let r = 0; r < q; r++) {
      const centre = (r * p) / q;
      let total = 0;
      for (let j = 0; j < taps; j++) {
        const w = Math.max(0, 1 - Math.abs(first[r]! + j - centre) / ratio);
        weights[r * stride + j] = w;
        total += w;
      }
      for (let j = 0; j < taps; j++) weights[r * stride + j]! /= total;
    }
    table = { p, q, first, taps, stride, weights };
  }
  tables.set(ratio, table);
  return table;
}
