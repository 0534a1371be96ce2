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

  build(): PackedIndex {
    const n = this.hashes.length;
    const hashes = this.hashes.data;
    const order = sortOrder(hashes.subarray(0, n));
    const low = new Uint16Array(n);
    const tracks = new Uint32Array(n);
    const offsets = new Uint32Array(n);
    const directory = new Uint32Array(BUCKETS + 1);
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const from = order[i]!;
      const hash = hashes[from]!;
      if (i === 0 || hash !== hashes[order[i - 1]!]) distinct++;
      directory[(hash >>> LOW_BITS) + 1]!++;
      low[i] = hash & LOW_MASK;
      tracks[i] = this.tracks.data[from]!;
      offsets[i] = this.offsets.data[from]!;
    }
    for (let b = 0; b < BUCKETS; b++) directory[b + 1]! += directory[b]!;
    return new PackedIndex(this.version, directory, low, tracks, offsets, this.seen.size, distinct);
  }
}

/**
 * Layout: postings sorted by hash; a directory of 2¹⁶ buckets by the hash's top 16 bits gives
 * each bucket's range, and each posting keeps only the low 15 bits of its hash (uint16) beside
 * its uint32 track and uint32 offset — 10 bytes per posting plus 256 KiB. Triplet hashes are
 * nearly all distinct (a key-per-hash layout cost 18 bytes per posting).
 */
const HASH_BITS = 31;
const LOW_BITS = 15;
const LOW_MASK = (1 << LOW_BITS) - 1;
const BUCKETS = 1 << (HASH_BITS - LOW_BITS);

export class PackedIndex implements PostingSource {
  constructor(
    readonly version: number,
    /** Postings of bucket b (hash >>> 15 = b) are [directory[b], directory[b + 1]). */
    private readonly directory: Uint32Array,
    /** Low 15 bits of each posting's hash, ascending within a bucket. */
    private readonly low: Uint16Array,
    private readonly tracks: Uint32Array,
    private readonly offsets: Uint32Array,
    readonly trackCount: number,
    readonly distinctHashes: number,
  ) {}

  get postingCount(): number {
    return this.tracks.length;
  }

  /** Bytes held by the index's arrays. */
  get byteLength(): number {
    return this.directory.byteLength + this.low.byteLength + this.tracks.byteLength + this.offsets.byteLength;
  }

  lookup(hashes: Uint32Array): PostingLists {
    const starts = new Uint32Array(hashes.length);
    const ends = new Uint32Array(hashes.length);
    const { directory, low } = this;
    for (let i = 0; i < hashes.length; i++) {
      const hash = hashes[i]!;
      if (hash >= 2 ** HASH_BITS) continue; // never produced by fingerprintPcm
      const bucket = hash >>> LOW_BITS;
      const key = hash & LOW_MASK;
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
