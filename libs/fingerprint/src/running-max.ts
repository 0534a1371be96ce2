// Sliding-window maximum in O(1) per element (van Herk / Gil–Werman): a window of width
// 2·half+1 is the union of a block suffix and a block prefix, so each output is one max of
// two precomputed values whatever the width (a naive ±10-bin scan was ~half the CPU of the
// old fingerprint). Scratch buffers are reused across rows.
export class SlidingMax {
  private readonly padded: Float32Array;
  private readonly prefix: Float32Array;
  private readonly suffix: Float32Array;

  constructor(
    private readonly length: number,
    private readonly half: number,
  ) {
    const n = length + 2 * half;
    this.padded = new Float32Array(n).fill(-Infinity);
    this.prefix = new Float32Array(n);
    this.suffix = new Float32Array(n);
  }

  /**
   * out[c] = max(row[c - half .. c + half]) over row[from .. from + length); also lists in
   * `marks` (from marksAt, ascending) the columns c in [lo, hi] where row[c] is its window's
   * maximum and at least `floor`, and returns how many. The peak picker needs exactly those
   * cells, and finding them here, while the maxima are computed, spares it a second pass over
   * every cell of every row (with the in-place dB rows, the peak picking ran ×1.1 faster
   * side by side, same peaks).
   */
  apply(
    row: Float32Array,
    from: number,
    out: Float32Array,
    at: number,
    lo: number,
    hi: number,
    floor: number,
    marks: Int32Array,
    marksAt: number,
  ): number {
    const { padded, prefix, suffix, half, length } = this;
    const n = length + 2 * half;
    const w = 2 * half + 1;
    padded.set(row.subarray(from, from + length), half);
    for (let start = 0; start < n; start += w) {
      const end = start + w < n ? start + w : n;
      let m = -Infinity;
      for (let j = start; j < end; j++) {
        const v = padded[j]!;
        m = v > m ? v : m;
        prefix[j] = m;
      }
      m = -Infinity;
      for (let j = end - 1; j >= start; j--) {
        const v = padded[j]!;
        m = v > m ? v : m;
        suffix[j] = m;
      }
    }
    const reach = 2 * half;
    let marked = 0;
    for (let c = 0; c < length; c++) {
      const a = suffix[c]!;
      const b = prefix[c + reach]!;
      const max = a > b ? a : b;
      out[at + c] = max;
      if (c >= lo && c <= hi) {
        const v = padded[c + half]!;
        // Appended always, counted only when it qualifies: no branch on the data.
        marks[marksAt + marked] = c;
        marked += +(v === max && v >= floor);
      }
    }
    return marked;
  }
}
