// Landmark hash: (anchor log-frequency, two log2 frequency ratios, two Δt) → one integer
// below 2³¹, so it fits a Postgres int4 column as it is. Log-frequency makes a speed change
// a shift of the anchor field only (ratios are speed-invariant); Δt scale by the speed. A
// query undoes both by trying a few speeds. Layout, high to low: anchor 7 bits, ratio to the
// first target 7, ratio to the second 7, Δt to the first 5, Δt to the second 5 (31 bits).
const ANCHOR_BITS = 7;
const RATIO_BITS = 7;
const DT_BITS = 5;
const ANCHOR_MAX = (1 << ANCHOR_BITS) - 1;
const RATIO_MAX = (1 << RATIO_BITS) - 1;
export const DT_MAX = (1 << DT_BITS) - 1;
const RATIO_ZERO = 1 << (RATIO_BITS - 1);

export interface HashParts {
  /** Anchor log-frequency cell. */
  readonly anchor: number;
  /** Frequency ratio cells to the first and second target, signed (above the anchor > 0). */
  readonly ratio1: number;
  readonly ratio2: number;
  /** Frames from the anchor to the first and the second target. */
  readonly dt1: number;
  readonly dt2: number;
}

export function packHash(anchor: number, ratio1: number, ratio2: number, dt1: number, dt2: number): number {
  const r1 = ratio1 + RATIO_ZERO;
  const r2 = ratio2 + RATIO_ZERO;
  if (
    !isField(anchor, ANCHOR_MAX) ||
    !isField(r1, RATIO_MAX) ||
    !isField(r2, RATIO_MAX) ||
    !isField(dt1, DT_MAX) ||
    !isField(dt2, DT_MAX)
  ) {
    throw new RangeError(
      `hash fields out of range: anchor=${anchor} ratio1=${ratio1} ratio2=${ratio2} dt1=${dt1} dt2=${dt2} ` +
        `(anchor ≤ ${ANCHOR_MAX}, −${RATIO_ZERO} ≤ ratio < ${RATIO_ZERO}, dt ≤ ${DT_MAX})`,
    );
  }
  // 31 bits: the top bit stays clear, so the value is the same as int4 and as uint32.
  return (
    (anchor << (2 * RATIO_BITS + 2 * DT_BITS)) |
    (r1 << (RATIO_BITS + 2 * DT_BITS)) |
    (r2 << (2 * DT_BITS)) |
    (dt1 << DT_BITS) |
    dt2
  );
}

/** packHash without the range checks, for quantisers whose fields are clamped already. */
export function packClamped(
  anchor: number,
  ratio1: number,
  ratio2: number,
  dt1: number,
  dt2: number,
): number {
  return (
    (anchor << (2 * RATIO_BITS + 2 * DT_BITS)) |
    ((ratio1 + RATIO_ZERO) << (RATIO_BITS + 2 * DT_BITS)) |
    ((ratio2 + RATIO_ZERO) << (2 * DT_BITS)) |
    (dt1 << DT_BITS) |
    dt2
  );
}

export function unpackHash(hash: number): HashParts {
  return {
    anchor: (hash >>> (2 * RATIO_BITS + 2 * DT_BITS)) & ANCHOR_MAX,
    ratio1: ((hash >>> (RATIO_BITS + 2 * DT_BITS)) & RATIO_MAX) - RATIO_ZERO,
    ratio2: ((hash >>> (2 * DT_BITS)) & RATIO_MAX) - RATIO_ZERO,
    dt1: (hash >>> DT_BITS) & DT_MAX,
    dt2: hash & DT_MAX,
  };
}

/** Saturating quantiser helpers: values outside a field clamp to its ends. */
export const clampAnchor = (cell: number): number => (cell < 0 ? 0 : cell > ANCHOR_MAX ? ANCHOR_MAX : cell);
export const clampRatio = (cell: number): number =>
  cell < -RATIO_ZERO ? -RATIO_ZERO : cell > RATIO_MAX - RATIO_ZERO ? RATIO_MAX - RATIO_ZERO : cell;

function isField(v: number, max: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= max;
}
