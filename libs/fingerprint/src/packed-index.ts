// In-memory inverted index in typed arrays: postings sorted by hash, each 8 bytes
// (uint32 track + uint32 offset), plus 8 bytes per distinct hash (key + start). It is the
// same (hash, track, offset) layout as a Postgres postings table, only sorted.
import type { TrackFingerprint } from './fingerprint.ts';
import { FINGERPRINT_PARAMS_VERSION } from './params.ts';
import { findHash, type PostingLists, type PostingSource } from './postings.ts';

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
    this.seen.add(track);
    const n = fingerprint.hashes.length;
    this.hashes.pushAll(fingerprint.hashes, n);
    this.tracks.pushAll(track, n);
    this.offsets.pushAll(fingerprint.offsets, n);
  }

  build(): PackedIndex {
    const n = this.hashes.length;
    const order = radixOrder(this.hashes.data.subarray(0, n));
    const tracks = new Uint32Array(n);
    const offsets = new Uint32Array(n);
    const keys: number[] = [];
    const starts: number[] = [];
    let previous = -1;
    for (let i = 0; i < n; i++) {
      const from = order[i]!;
      const hash = this.hashes.data[from]!;
      if (hash !== previous) {
        keys.push(hash);
        starts.push(i);
        previous = hash;
      }
      tracks[i] = this.tracks.data[from]!;
      offsets[i] = this.offsets.data[from]!;
    }
    starts.push(n);
    return new PackedIndex(
      this.version,
      Uint32Array.from(keys),
      Uint32Array.from(starts),
      tracks,
      offsets,
      this.seen.size,
    );
  }
}

/** Stable LSD radix sort (two 16-bit passes): the permutation that sorts `keys`. */
function radixOrder(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < n; i++) counts[((keys[i]! >>> shift) & 0xffff) + 1]!++;
    for (let b = 0; b < 65536; b++) counts[b + 1]! += counts[b]!;
    for (let i = 0; i < n; i++) {
      const at = order[i]!;
      next[counts[(keys[at]! >>> shift) & 0xffff]!++] = at;
    }
    [order, next] = [next, order];
  }
  return order;
}

export class PackedIndex implements PostingSource {
  constructor(
    readonly version: number,
    /** Distinct hashes, sorted. */
    readonly keys: Uint32Array,
    /** Postings of keys[i] are [starts[i], starts[i + 1]). */
    readonly starts: Uint32Array,
    readonly tracks: Uint32Array,
    readonly offsets: Uint32Array,
    readonly trackCount: number,
  ) {}

  get postingCount(): number {
    return this.tracks.length;
  }

  get distinctHashes(): number {
    return this.keys.length;
  }

  /** Bytes held by the index's arrays. */
  get byteLength(): number {
    return this.keys.byteLength + this.starts.byteLength + this.tracks.byteLength + this.offsets.byteLength;
  }

  lookup(hashes: Uint32Array): PostingLists {
    const starts = new Uint32Array(hashes.length);
    const ends = new Uint32Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) {
      const k = findHash(this.keys, hashes[i]!);
      if (k >= 0) {
        starts[i] = this.starts[k]!;
        ends[i] = this.starts[k + 1]!;
      }
    }
    return { hashes, starts, ends, tracks: this.tracks, offsets: this.offsets };
  }
}
