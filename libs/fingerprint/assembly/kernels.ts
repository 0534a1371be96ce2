// AssemblyScript, compiled to WASM (SIMD) by `npm run build:fingerprint-kernels` into
// src/kernels-wasm.generated.ts. The per-cell loops of a fingerprint: the decimator's dot
// products, the window, the power of each FFT bin, the three-frame power mean with its dB
// conversion and the sliding maximum of each dB row. Each does the JS version's arithmetic
// in the same order and precision (f64 where the JS code computed with numbers, f32 where it
// rounded with Math.fround or a Float32Array store; WASM has no fused multiply-add), so the
// hashes are bit-identical (test/pinned-fingerprints.test.ts). SIMD lanes are always
// separate cells, never a reordered sum. Buffers are addresses the caller reserved in this
// module's memory (src/kernels.ts); nothing here allocates.

/** dB of the floor (power 0 after the floor test), as in spectrogram.ts. */
const MIN_DB: f64 = -200;
// 10·log10(2) as JS computes it (its shortest round-trip form), not AssemblyScript's log10.
const DB_PER_LOG2: f64 = 3.010299956639812;
const C1: f64 = 1.4234931980794694;
const C2: f64 = -0.5877652935353633;
const C3: f64 = 0.16558642587915148;
const MANTISSA_SCALE: f64 = 1 / 8388608;

/**
 * Outputs [i0, i1) of the 13-tap tent decimator (resample.ts's phase tables): output i = m·q + r
 * sums weights[r·13 + j] · input[m·p + first[r] + j − inputBase] for j = 0..12, in f64, in
 * tap order. Two outputs at a time, one per f64x2 lane: `pairs` holds, for each phase r, the
 * 13 weight pairs (phase r, phase r + 1 mod q) as f64x2, which pairWeights writes.
 */
export function decimate13(
  input: usize,
  inputBase: i32,
  out: usize,
  i0: i32,
  i1: i32,
  pairs: usize,
  first: usize,
  p: i32,
  q: i32,
): void {
  let m = i0 / q;
  let r = i0 % q;
  let o = out;
  let i = i0;
  for (; i + 2 <= i1; i += 2) {
    const r1 = r + 1 === q ? 0 : r + 1;
    const m1 = r + 1 === q ? m + 1 : m;
    const x0 = input + ((<usize>(m * p + load<i32>(first + ((<usize>r) << 2)) - inputBase)) << 2);
    const x1 = input + ((<usize>(m1 * p + load<i32>(first + ((<usize>r1) << 2)) - inputBase)) << 2);
    const w = pairs + <usize>(r * 13 * 16);
    let sum = f64x2.splat(0);
    for (let j: usize = 0; j < 13; j++)
      sum = f64x2.add(sum, f64x2.mul(v128.load(w + (j << 4)), inputPair(x0, x1, j << 2)));
    v128.store64_lane(o, f32x4.demote_f64x2_zero(sum), 0);
    o += 8;
    if (r1 + 1 === q) {
      r = 0;
      m = m1 + 1;
    } else {
      r = r1 + 1;
      m = m1;
    }
  }
  if (i < i1) {
    // An odd count: the last output alone, in lane 0.
    const x0 = input + ((<usize>(m * p + load<i32>(first + ((<usize>r) << 2)) - inputBase)) << 2);
    const w = pairs + <usize>(r * 13 * 16);
    let sum: f64 = 0;
    for (let j = 0; j < 13; j++)
      sum += f64x2.extract_lane(v128.load(w + ((<usize>j) << 4)), 0) * <f64>load<f32>(x0 + ((<usize>j) << 2));
    store<f32>(o, <f32>sum);
  }
}

/** input[x0 + offset], input[x1 + offset] (f32) as an f64x2. */
function inputPair(x0: usize, x1: usize, offset: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load32_lane(x1 + offset, v128.load32_zero(x0 + offset), 1));
}

/** The weight pairs decimate13 reads, from the per-phase weights (13 f64 per phase). */
export function pairWeights(weights: usize, q: i32, pairs: usize): void {
  for (let r = 0; r < q; r++) {
    const next = r + 1 === q ? 0 : r + 1;
    for (let j = 0; j < 13; j++) {
      const at = pairs + <usize>((r * 13 + j) * 16);
      store<f64>(at, load<f64>(weights + <usize>((r * 13 + j) * 8)));
      store<f64>(at, load<f64>(weights + <usize>((next * 13 + j) * 8)), 8);
    }
  }
}

/** dst[i] = f32(f64(src[i]) · window[i]) for i < n (n a multiple of 4; window is f64). */
export function applyWindow(src: usize, window: usize, dst: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const x = v128.load(src + ((<usize>i) << 2));
    const lo = f64x2.mul(f64x2.promote_low_f32x4(x), v128.load(window + ((<usize>i) << 3)));
    const hi = f64x2.mul(f64x2.promote_low_f32x4(highHalf(x)), v128.load(window + ((<usize>i) << 3), 16));
    v128.store(dst + ((<usize>i) << 2), joinHalves(lo, hi));
  }
}

/** Lanes 2, 3 of a four-lane vector moved to lanes 0, 1. */
function highHalf(x: v128): v128 {
  return v128.shuffle<i32>(x, x, 2, 3, 2, 3);
}

/** Two f64x2 rounded to f32 and packed as one f32x4 (lo's lanes first). */
function joinHalves(lo: v128, hi: v128): v128 {
  return i64x2.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 2);
}

/**
 * Power of FFT bins from..to (inclusive) of an ordered real transform ([DC, Nyquist, re1,
 * im1, re2, im2, …]): row[k − from] = f32((re² + im²) · norm2).
 */
export function binPower(fft: usize, from: i32, to: i32, row: usize, norm2: f64): void {
  const scale = f64x2.splat(norm2);
  let k = from;
  for (; k + 1 <= to; k += 2) {
    const v = v128.load(fft + ((<usize>k) << 3));
    const a = f64x2.promote_low_f32x4(v);
    const b = f64x2.promote_low_f32x4(highHalf(v));
    const a2 = f64x2.mul(a, a);
    const b2 = f64x2.mul(b, b);
    const sum = f64x2.add(i64x2.shuffle(a2, b2, 0, 2), i64x2.shuffle(a2, b2, 1, 3));
    v128.store64_lane(row + ((<usize>(k - from)) << 2), f32x4.demote_f64x2_zero(f64x2.mul(sum, scale)), 0);
  }
  if (k === to) {
    const re = <f64>load<f32>(fft + ((<usize>k) << 3));
    const im = <f64>load<f32>(fft + ((<usize>k) << 3), 4);
    store<f32>(row + ((<usize>(k - from)) << 2), <f32>((re * re + im * im) * norm2));
  }
}

/**
 * One row of the smoothed dB grid: for each of `bins` cells, the float32 sum of rows a..b of
 * the power ring (row x at ring + (x mod rows) · bins, summed in frame order), times inv in
 * f64, floored (≤ minPower → 0), stored as f32, then converted to dB as spectrogram.ts's
 * toDb does (exponent + cubic in the mantissa; bits 0 → MIN_DB).
 */
export function smoothToDb(
  ring: usize,
  rows: i32,
  bins: i32,
  a: i32,
  b: i32,
  inv: f64,
  minPower: f64,
  dst: usize,
): void {
  const rowBytes = (<usize>bins) << 2;
  const first = ring + <usize>(a % rows) * rowBytes;
  const scale = f64x2.splat(inv);
  const floor = f64x2.splat(minPower);
  let c = 0;
  for (; c + 4 <= bins; c += 4) {
    const at = (<usize>c) << 2;
    let sum = v128.load(first + at);
    for (let x = a + 1; x <= b; x++)
      sum = f32x4.add(sum, v128.load(ring + <usize>(x % rows) * rowBytes + at));
    v128.store(dst + at, dbOfPowers(sum, scale, floor));
  }
  for (; c < bins; c++) {
    const at = (<usize>c) << 2;
    let sum = load<f32>(first + at);
    for (let x = a + 1; x <= b; x++) sum += load<f32>(ring + <usize>(x % rows) * rowBytes + at);
    store<f32>(dst + at, f32x4.extract_lane(dbOfPowers(f32x4.splat(sum), scale, floor), 0));
  }
}

/** Four summed powers → mean (× scale in f64), floored, rounded to f32, in dB. */
function dbOfPowers(sum: v128, scale: v128, floor: v128): v128 {
  const lo = f64x2.mul(f64x2.promote_low_f32x4(sum), scale);
  const hi = f64x2.mul(f64x2.promote_low_f32x4(highHalf(sum)), scale);
  const bits = joinHalves(v128.and(lo, f64x2.gt(lo, floor)), v128.and(hi, f64x2.gt(hi, floor)));
  const exponent = i32x4.sub(i32x4.shr_s(bits, 23), i32x4.splat(127));
  const mantissa = v128.and(bits, i32x4.splat(0x7fffff));
  const db = joinHalves(
    log2ToDb(f64x2.convert_low_i32x4_s(exponent), f64x2.convert_low_i32x4_s(mantissa)),
    log2ToDb(f64x2.convert_low_i32x4_s(highHalf(exponent)), f64x2.convert_low_i32x4_s(highHalf(mantissa))),
  );
  return v128.bitselect(f32x4.splat(<f32>MIN_DB), db, i32x4.eq(bits, i32x4.splat(0)));
}

function log2ToDb(exponent: v128, mantissaBits: v128): v128 {
  const m = f64x2.mul(mantissaBits, f64x2.splat(MANTISSA_SCALE));
  let t = f64x2.add(f64x2.splat(C2), f64x2.mul(m, f64x2.splat(C3)));
  t = f64x2.add(f64x2.splat(C1), f64x2.mul(m, t));
  return f64x2.mul(f64x2.add(exponent, f64x2.mul(m, t)), f64x2.splat(DB_PER_LOG2));
}

/**
 * The sliding maximum of one row (running-max.ts's, in JS until 2026-12-04): out[c] =
 * max(row[c − half .. c + half]) (outside the row counts as −∞) for c < length, and the
 * columns c in [lo, hi] where row[c]
 * equals that maximum and is ≥ floor written to marks in ascending order; returns how many.
 * The window maximum is built by doubling (max of 1, 2, 4, … cells) in `scratch`, which
 * needs length + 4·half + 5 floats.
 */
export function slidingMax(
  row: usize,
  length: i32,
  half: i32,
  out: usize,
  lo: i32,
  hi: i32,
  floor: f32,
  marks: usize,
  scratch: usize,
): i32 {
  const n = length + 2 * half;
  const width = 2 * half + 1;
  for (let j = 0; j < half; j++) store<f32>(scratch + ((<usize>j) << 2), -Infinity);
  memory.copy(scratch + ((<usize>half) << 2), row, (<usize>length) << 2);
  for (let j = half + length; j < n + width + 4; j++) store<f32>(scratch + ((<usize>j) << 2), -Infinity);
  // After the pass with step s, scratch[c] is the maximum of the `2s` cells from c.
  let span = 1;
  while (span * 2 <= width) {
    const shift = (<usize>span) << 2;
    for (let c = 0; c < n; c += 4) {
      const at = scratch + ((<usize>c) << 2);
      v128.store(at, f32x4.max(v128.load(at), v128.load(at + shift)));
    }
    span *= 2;
  }
  // width = span + (width − span): the two overlapping spans cover the window.
  const rest = (<usize>(width - span)) << 2;
  for (let c = 0; c < length; c += 4) {
    const at = scratch + ((<usize>c) << 2);
    const max = f32x4.max(v128.load(at), v128.load(at + rest));
    if (c + 4 <= length) v128.store(out + ((<usize>c) << 2), max);
    else {
      // The last, partial vector: through scratch (already read), not past the row's end.
      v128.store(at, max);
      memory.copy(out + ((<usize>c) << 2), at, (<usize>(length - c)) << 2);
    }
  }
  // Marks compare the row with its maximum, four columns at a time.
  let marked = 0;
  const floors = f32x4.splat(floor);
  for (let c = lo; c <= hi; c += 4) {
    const v = v128.load(row + ((<usize>c) << 2));
    const max = v128.load(out + ((<usize>c) << 2));
    let mask = i32x4.bitmask(v128.and(f32x4.eq(v, max), f32x4.ge(v, floors)));
    if (hi - c < 3) mask &= (1 << (hi - c + 1)) - 1;
    while (mask !== 0) {
      const k = ctz(mask);
      store<i32>(marks + ((<usize>marked) << 2), c + k);
      marked++;
      mask &= mask - 1;
    }
  }
  return marked;
}
