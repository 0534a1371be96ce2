// Postings: the rows an index returns for a set of query hashes, grouped by hash. Every
// store (the in-memory PackedIndex, a Postgres table of (hash, track, offset) rows) hands
// decideMatch the same shape, so the decision rule is one piece of code for all of them.
import type { QueryFingerprint } from './fingerprint.ts';
import { sortOrder } from './radix-sort.ts';

export interface PostingLists {
  /** The hashes looked up: sorted ascending, unique. */
  readonly hashes: Uint32Array;
  /** Postings of hashes[i] are tracks/offsets[starts[i] .. ends[i]). */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Track number of each posting (the caller's key for a track, uint32). */
  readonly tracks: Uint32Array;
  /** Anchor frame of each posting within its track. */
  readonly offsets: Uint32Array;
}

/** Anything that returns postings for a sorted set of hashes (synchronously). */
export interface PostingSource {
  lookup(hashes: Uint32Array): PostingLists;
}

/** The distinct hashes of a query, sorted: the one parameter of the store's lookup. */
export function queryHashes(query: QueryFingerprint): Uint32Array {
  return distinctHashes(query.hashes).unique;
}

export interface DistinctHashes {
  /** The entries' hashes, sorted ascending, unique. */
  readonly unique: Uint32Array;
  /** For each entry, the index of its hash in `unique`. */
  readonly uniqueOf: Int32Array;
}

// A query's entries are sorted once: the lookup needs the distinct hashes and the vote count
// needs each entry's place among them (sorting twice was ~6 % of a query's CPU). Keyed by the
// array, which fingerprints never change after they are made.
const distinct = new WeakMap<Uint32Array, DistinctHashes>();

export function distinctHashes(entries: Uint32Array): DistinctHashes {
  const known = distinct.get(entries);
  if (known) return known;
  const order = sortOrder(entries);
  const sorted = new Uint32Array(order.length);
  const uniqueOf = new Int32Array(order.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    const hash = entries[e]!;
    if (n === 0 || hash !== sorted[n - 1]) sorted[n++] = hash;
    uniqueOf[e] = n - 1;
  }
  const result = { unique: sorted.slice(0, n), uniqueOf };
  distinct.set(entries, result);
  return result;
}

/** Index of `hash` in the sorted array, or −1. */
export function findHash(sorted: Uint32Array, hash: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < hash) lo = mid + 1;
    else if (v > hash) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Groups rows as a store returns them (any order; e.g. `SELECT hash, track, offset FROM
 * postings WHERE hash = ANY($1)`) by the looked-up hashes. Rows whose hash was not asked
 * for are an error: they would mean the store and the query disagree.
 */
export function groupPostings(
  hashes: Uint32Array,
  rows: {
    readonly hashes: ArrayLike<number>;
    readonly tracks: ArrayLike<number>;
    readonly offsets: ArrayLike<number>;
  },
): PostingLists {
  const n = rows.hashes.length;
  if (rows.tracks.length !== n || rows.offsets.length !== n)
    throw new RangeError(
      `posting rows disagree in length: ${n} hashes, ${rows.tracks.length} tracks, ${rows.offsets.length} offsets`,
    );
  const slot = new Int32Array(n);
  const counts = new Uint32Array(hashes.length + 1);
  for (let r = 0; r < n; r++) {
    const i = findHash(hashes, rows.hashes[r]!);
    if (i < 0) throw new RangeError(`posting row ${r} has hash ${rows.hashes[r]} that was not looked up`);
    slot[r] = i;
    counts[i + 1]!++;
  }
  const starts = new Uint32Array(hashes.length);
  const ends = new Uint32Array(hashes.length);
  let sum = 0;
  for (let i = 0; i < hashes.length; i++) {
    starts[i] = sum;
    sum += counts[i + 1]!;
    ends[i] = starts[i]!;
  }
  const tracks = new Uint32Array(n);
  const offsets = new Uint32Array(n);
  for (let r = 0; r < n; r++) {
    const at = ends[slot[r]!]!++;
    tracks[at] = rows.tracks[r]!;
    offsets[at] = rows.offsets[r]!;
  }
  return { hashes, starts, ends, tracks, offsets };
}
