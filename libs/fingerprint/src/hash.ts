// Landmark hash packing: (f1, f2, Δt) → one unsigned 32-bit integer, so the index is a
// Map<number, …> (no string keys) and hashes are cheap to store and compare.
// Layout: f1 in bits 22–31 (10 bits), f2 in bits 12–21 (10 bits), Δt in bits 0–11 (12 bits).

const F_BITS = 10;
const DT_BITS = 12;
const F_MAX = (1 << F_BITS) - 1;
const DT_MAX = (1 << DT_BITS) - 1;

export interface HashParts {
  readonly f1: number;
  readonly f2: number;
  readonly dt: number;
}

export function packHash(f1: number, f2: number, dt: number): number {
  if (!isField(f1, F_MAX) || !isField(f2, F_MAX) || !isField(dt, DT_MAX)) {
    throw new RangeError(
      `hash fields out of range: f1=${f1} f2=${f2} dt=${dt} (f ≤ ${F_MAX}, dt ≤ ${DT_MAX})`,
    );
  }
  return ((f1 << (F_BITS + DT_BITS)) | (f2 << DT_BITS) | dt) >>> 0;
}

export function unpackHash(hash: number): HashParts {
  return { f1: (hash >>> (F_BITS + DT_BITS)) & F_MAX, f2: (hash >>> DT_BITS) & F_MAX, dt: hash & DT_MAX };
}

function isField(v: number, max: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= max;
}
