import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_PARAMS_VERSION,
  groupPostings,
  PackedIndexBuilder,
  type PostingLists,
  type TrackFingerprint,
} from '../src/index.ts';

const fp = (
  pairs: readonly (readonly [number, number])[],
  version = FINGERPRINT_PARAMS_VERSION,
): TrackFingerprint => ({
  version,
  hashes: Uint32Array.from(pairs.map((p) => p[0])),
  offsets: Uint32Array.from(pairs.map((p) => p[1])),
  durationSeconds: 60,
});

/** hash → sorted "track:offset" strings, from PostingLists. */
function asMap(lists: PostingLists): Map<number, string[]> {
  const out = new Map<number, string[]>();
  lists.hashes.forEach((h, i) => {
    const rows: string[] = [];
    for (let p = lists.starts[i]!; p < lists.ends[i]!; p++)
      rows.push(`${lists.tracks[p]}:${lists.offsets[p]}`);
    out.set(h, rows.sort());
  });
  return out;
}

const catalog = fc.array(
  fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 21 - 1 }), fc.integer({ min: 0, max: 100_000 })), {
    maxLength: 60,
  }),
  { minLength: 1, maxLength: 8 },
);
// Hashes over the whole 31-bit space, so the presence filter's slots are mostly clear and
// both the misses it answers and the hits it must let through are exercised.
const wideHash = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const wideCatalog = fc.array(
  fc.array(fc.tuple(wideHash, fc.integer({ min: 0, max: 100_000 })), { maxLength: 400 }),
  { minLength: 1, maxLength: 6 },
);
// Few distinct hash values, so lists are long and collide across tracks.
const denseCatalog = fc.array(
  fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 500 })), { maxLength: 80 }),
  { minLength: 1, maxLength: 8 },
);

describe('PackedIndex', () => {
  it('property: lookup returns exactly the postings a naive map holds, for any set of hashes', () => {
    fc.assert(
      fc.property(
        fc.oneof(catalog, denseCatalog, wideCatalog),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 60 }), wideHash), { maxLength: 400 }),
        (tracks, extra) => {
          const builder = new PackedIndexBuilder();
          const naive = new Map<number, string[]>();
          tracks.forEach((pairs, t) => {
            builder.add(t * 7 + 1, fp(pairs));
            for (const [h, o] of pairs) naive.set(h, [...(naive.get(h) ?? []), `${t * 7 + 1}:${o}`]);
          });
          const index = builder.build();
          const wanted = Uint32Array.from(new Set([...naive.keys(), ...extra])).sort();
          const got = asMap(index.lookup(wanted));
          for (const h of wanted) expect(got.get(h)).toEqual((naive.get(h) ?? []).sort());
          // The presence filter changes no answer.
          expect(got).toEqual(asMap(builder.build({ presenceFilter: false }).lookup(wanted)));
          expect(index.postingCount).toBe(tracks.reduce((n, p) => n + p.length, 0));
          expect(index.distinctHashes).toBe(naive.size);
          expect(index.trackCount).toBe(tracks.length);
        },
      ),
    );
  });

  it('property: groupPostings of rows in any order (a Postgres result) equals the index lookup', () => {
    fc.assert(
      fc.property(denseCatalog, fc.integer(), (tracks, seed) => {
        const builder = new PackedIndexBuilder();
        const rows: [number, number, number][] = [];
        tracks.forEach((pairs, t) => {
          builder.add(t, fp(pairs));
          for (const [h, o] of pairs) rows.push([h, t, o]);
        });
        // Deterministic shuffle of the rows.
        rows.sort((a, b) => ((a[0] * 31 + a[2] + seed) % 97) - ((b[0] * 31 + b[2] + seed) % 97));
        const wanted = Uint32Array.from(new Set(rows.map((r) => r[0]))).sort();
        const grouped = groupPostings(wanted, {
          hashes: rows.map((r) => r[0]),
          tracks: rows.map((r) => r[1]),
          offsets: rows.map((r) => r[2]),
        });
        expect(asMap(grouped)).toEqual(asMap(builder.build().lookup(wanted)));
      }),
    );
  });

  // The benchmark measures the real figure (~9 postings per distinct hash on 9 h of music).
  it('stays within 12 bytes per posting when hashes repeat as in real music', () => {
    const builder = new PackedIndexBuilder();
    for (let t = 0; t < 50; t++) {
      const pairs: [number, number][] = [];
      for (let i = 0; i < 5000; i++) pairs.push([(Math.imul(t * 5000 + i, 2654435761) >>> 0) % 30_000, i]);
      builder.add(t, fp(pairs));
    }
    const index = builder.build();
    expect(index.byteLength / index.postingCount).toBeLessThanOrEqual(12);
  });

  it('refuses mixed params versions, duplicate tracks and non-uint32 track numbers', () => {
    const builder = new PackedIndexBuilder();
    builder.add(1, fp([[5, 1]]));
    expect(() => builder.add(1, fp([[6, 2]]))).toThrow(/track 1 is already indexed/);
    expect(() => builder.add(2, fp([[6, 2]], FINGERPRINT_PARAMS_VERSION + 1))).toThrow(/params version/);
    expect(() => builder.add(-1, fp([]))).toThrow(/uint32/);
    expect(() => builder.add(1.5, fp([]))).toThrow(/uint32/);
    expect(() => builder.add(3, fp([[2 ** 31, 0]]))).toThrow(/more than 31 bits/);
    const lists = builder.build().lookup(Uint32Array.of(5, 7));
    expect(lists.ends[0]! - lists.starts[0]!).toBe(1);
    expect(lists.ends[1]! - lists.starts[1]!).toBe(0);
  });

  it('groupPostings rejects rows the query did not ask for, or of unequal length', () => {
    const hashes = Uint32Array.of(3, 9);
    expect(() => groupPostings(hashes, { hashes: [3, 4], tracks: [0, 0], offsets: [1, 1] })).toThrow(
      /hash 4/,
    );
    expect(() => groupPostings(hashes, { hashes: [3], tracks: [0, 1], offsets: [1] })).toThrow(/disagree/);
  });
});
