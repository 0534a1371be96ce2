// Stable LSD radix argsort of uint32 keys, three 11-bit digits: linear time, several times
// faster than a comparison sort from 10⁴ keys (a query's hashes) to 10⁷ (a catalog's postings).
// The three digits' histograms are counted in one pass over the keys, and the first scatter
// reads the keys in their own order (no identity permutation to build and follow).
const DIGIT = 11;
const RADIX = 1 << DIGIT;
const MASK = RADIX - 1;

/** The permutation that sorts `keys` ascending (ties keep their order). */
export function sortOrder(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  const counts = new Uint32Array(3 * RADIX);
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    counts[key & MASK]!++;
    counts[RADIX + ((key >>> DIGIT) & MASK)]!++;
    counts[2 * RADIX + (key >>> (2 * DIGIT))]!++;
  }
  // Exclusive prefix sums: counts[d·RADIX + b] = where bucket b of digit d starts.
  for (let d = 0; d < 3; d++) {
    let sum = 0;
    for (let b = d * RADIX; b < (d + 1) * RADIX; b++) {
      const count = counts[b]!;
      counts[b] = sum;
      sum += count;
    }
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[counts[keys[i]! & MASK]!++] = i;
  for (let d = 1; d < 3; d++) {
    const shift = d * DIGIT;
    const base = d * RADIX;
    for (let i = 0; i < n; i++) {
      const at = order[i]!;
      next[counts[base + ((keys[at]! >>> shift) & MASK)]!++] = at;
    }
    [order, next] = [next, order];
  }
  return order;
}
