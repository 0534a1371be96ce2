// In-memory inverted index in typed arrays: postings sorted by hash, each 8 bytes
// (uint32 track + uint32 offset), plus 8 bytes per distinct hash (key + start). It is the
// same (hash, track, offset) layout as a Postgres postings table, only sorted.
import type { TrackFingerprint } from './fingerprint.ts';
import { FINGERPRINT_PARAMS_VERSION } from './params.ts';
import type { PostingLists, PostingSource } from './postings.ts';
import { sortOrder } from './radix-sort.ts';

class GrowableUint32 {
  data = new Uint32Array(1 << 16);
  length = 0;
  pushAll(values: Uint32Array | number, count: number): void {
    if (this.length + count > this.data.length) {
      let size = this.data.length;
      while (size < this.length + count) size *= 2;
      const next = new Uint32Array(size);
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    if (typeof values === 'number') this.data.fill(values, this.length, this.length + count);
    else this.data.set(values.subarray(0, count), this.length);
    this.length += count;
  }
}

export class PackedIndexBuilder {
  private readonly hashes = new GrowableUint32();
  private readonly tracks = new GrowableUint32();
  private readonly offsets = new GrowableUint32();
  private readonly seen = new Set<number>();

  /** The params version every added fingerprint must have. */
  constructor(readonly version: number = FINGERPRINT_PARAMS_VERSION) {}

  add(track: number, fingerprint: TrackFingerprint): void {
    if (!Number.isInteger(track) || track < 0 || track > 0xffffffff)
      throw new RangeError(`track number must be a uint32 (got ${track})`);
    if (fingerprint.version !== this.version)
      throw new RangeError(
        `fingerprint has params version ${fingerprint.version}, this index holds version ${this.version}: re-fingerprint it`,
      );
    if (this.seen.has(track)) throw new RangeError(`track ${track} is already indexed`);
    for (const hash of fingerprint.hashes)
      if (hash >= 2 ** HASH_BITS)
        throw new RangeError(`hash ${hash} of track ${track} has more than ${HASH_BITS} bits`);
    this.seen.add(track);
    const n = fingerprint.hashes.length;
    this.hashes.pushAll(fingerprint.hashes, n);
    this.tracks.pushAll(track, n);
    this.offsets.pushAll(fingerprint.offsets, n);
  }

  /**
   * `presenceFilter: false` builds the same index without the filter (every hash probed): only
   * for measuring what the filter saves side by side (bench) and checking it changes no answer.
   */
  build({ presenceFilter: withFilter = true }: { presenceFilter?: boolean } = {}): PackedIndex {
    const n = this.hashes.length;
    const hashes = this.hashes.data;
    const order = sortOrder(hashes.subarray(0, n));
    const low = new Uint16Array(n);
    const tracks = new Uint32Array(n);
    const offsets = new Uint32Array(n);
    const lowBits = lowBitsFor(n);
    const lowMask = (1 << lowBits) - 1;
    const buckets = 2 ** (HASH_BITS - lowBits);
    const directory = new Uint32Array(buckets + 1);
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const from = order[i]!;
      const hash = hashes[from]!;
      if (i === 0 || hash !== hashes[order[i - 1]!]) distinct++;
      directory[(hash >>> lowBits) + 1]!++;
      low[i] = hash & lowMask;
      tracks[i] = this.tracks.data[from]!;
      offsets[i] = this.offsets.data[from]!;
    }
    for (let b = 0; b < buckets; b++) directory[b + 1]! += directory[b]!;
    const filter = withFilter ? presenceFilter(hashes.subarray(0, n), distinct) : ALL_PRESENT;
    return new PackedIndex(
      this.version,
      lowBits,
      directory,
      low,
      tracks,
      offsets,
      filter,
      this.seen.size,
      distinct,
    );
  }
}

/**
 * Layout: postings sorted by hash; a directory of buckets by the hash's top bits gives each
 * bucket's range, and each posting keeps only the remaining low bits of its hash (uint16)
 * beside its uint32 track and uint32 offset — 10 bytes per posting plus the directory and
 * the presence filter (below).
 * Triplet hashes are nearly all distinct (a key-per-hash layout cost 18 bytes per posting).
 * The directory grows with the index (about 8 postings per bucket, ~0.5 byte per posting), so
 * a lookup touches one directory entry and one cache line of low bits: on 9 h of music a
 * fixed 2¹⁶-bucket directory left ~75 postings per bucket, and the binary search's cache
 * misses were most of a query's lookup time.
 */
const HASH_BITS = 31;
const POSTINGS_PER_BUCKET = 8;

/** Low bits kept per posting for an index of n postings: 8..16 (the uint16 holds them). */
function lowBitsFor(n: number): number {
  const bucketBits = Math.ceil(Math.log2(Math.max(1, n / POSTINGS_PER_BUCKET)));
  return Math.min(16, Math.max(8, HASH_BITS - bucketBits));
}

/**
 * One bit per slot of the hash space's top bits, set where some posting's hash falls: most of
 * a query's hashes are in no track (on the Postgres bench's catalogue ~84 % of 20,000 per
 * 10 s capture), and one probe of this array tells so where the directory and the low bits
 * took two dependent cache misses. 4–8 bits per distinct hash (≤ 1 byte per posting) leave
 * ≤ 25 % of the slots set, so ≥ 3 in 4 misses stop here. Exact: a clear bit means no posting.
 */
interface PresenceFilter {
  readonly bits: Uint32Array;
  /** Slot of a hash = hash >>> shift. */
  readonly shift: number;
}

const FILTER_MIN_LOG = 10;
/** A filter with every slot set (the lookup then probes every hash). */
const ALL_PRESENT: PresenceFilter = { bits: new Uint32Array(1).fill(0xffffffff), shift: HASH_BITS - 5 };

function presenceFilter(hashes: Uint32Array, distinct: number): PresenceFilter {
  // The largest power of two ≤ 8 × distinct, within [2^10, 2^HASH_BITS] slots.
  const log = Math.min(HASH_BITS, Math.max(FILTER_MIN_LOG, Math.floor(Math.log2(Math.max(1, 8 * distinct)))));
  const shift = HASH_BITS - log;
  const bits = new Uint32Array(2 ** (log - 5));
  for (let i = 0; i < hashes.length; i++) {
    const slot = hashes[i]! >>> shift;
    bits[slot >>> 5]! |= 1 << (slot & 31);
  }
  return { bits, shift };
}

export class PackedIndex implements PostingSource {
  constructor(
    readonly version: number,
    /** Hash bits below the bucket number, kept in `low`. */
    private readonly lowBits: number,
    /** Postings of bucket b (hash >>> lowBits = b) are [directory[b], directory[b + 1]). */
    private readonly directory: Uint32Array,
    /** Low bits of each posting's hash, ascending within a bucket. */
    private readonly low: Uint16Array,
    private readonly tracks: Uint32Array,
    private readonly offsets: Uint32Array,
    private readonly filter: PresenceFilter,
    readonly trackCount: number,
    readonly distinctHashes: number,
  ) {}

  get postingCount(): number {
    return this.tracks.length;
  }

  /** Bytes held by the index's arrays. */
  get byteLength(): number {
    const { directory, low, tracks, offsets, filter } = this;
    return (
      directory.byteLength + low.byteLength + tracks.byteLength + offsets.byteLength + filter.bits.byteLength
    );
  }

  lookup(hashes: Uint32Array): PostingLists {
    const starts = new Uint32Array(hashes.length);
    const ends = new Uint32Array(hashes.length);
    const { directory, low, lowBits } = this;
    const { bits, shift } = this.filter;
    const lowMask = (1 << lowBits) - 1;
    for (let i = 0; i < hashes.length; i++) {
      const hash = hashes[i]!;
      if (hash >= 2 ** HASH_BITS) continue; // never produced by fingerprintPcm
      const slot = hash >>> shift;
      if ((bits[slot >>> 5]! & (1 << (slot & 31))) === 0) continue; // in no track
      const bucket = hash >>> lowBits;
      const key = hash & lowMask;
      // Lower bound of key, then of key + 1, within the bucket.
      let lo = directory[bucket]!;
      let hi = directory[bucket + 1]!;
      const end = hi;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (low[mid]! < key) lo = mid + 1;
        else hi = mid;
      }
      let to = lo;
      while (to < end && low[to] === key) to++;
      starts[i] = lo;
      ends[i] = to;
    }
    return { hashes, starts, ends, tracks: this.tracks, offsets: this.offsets };
  }
}
