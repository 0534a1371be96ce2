// The decision rule on hand-built queries and postings, so thresholds, the relative rule and
// tie-breaks are tested directly rather than through audio (where chance votes are rare).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideMatch,
  DEFAULT_MATCH_OPTIONS,
  FINGERPRINT_PARAMS,
  FINGERPRINT_PARAMS_VERSION,
  PackedIndexBuilder,
  matchQuery,
  secondsPerFrame,
  type QueryFingerprint,
} from '../src/index.ts';

const unit = FINGERPRINT_PARAMS.speeds.indexOf(1);
const query = (entries: readonly { hash: number; offset: number; speed?: number }[]): QueryFingerprint => ({
  version: FINGERPRINT_PARAMS_VERSION,
  hashes: Uint32Array.from(entries.map((e) => e.hash)),
  offsets: Uint32Array.from(entries.map((e) => e.offset)),
  speeds: Uint8Array.from(entries.map((e) => e.speed ?? unit)),
  landmarkCount: entries.length,
  durationSeconds: 10,
});
const hashes = (n: number, base = 1000) => Array.from({ length: n }, (_, i) => base + i * 7);
const indexOf = (tracks: Record<number, { hash: number; offset: number }[]>) => {
  const b = new PackedIndexBuilder();
  for (const [t, lm] of Object.entries(tracks))
    b.add(Number(t), {
      version: FINGERPRINT_PARAMS_VERSION,
      hashes: Uint32Array.from(lm.map((l) => l.hash)),
      offsets: Uint32Array.from(lm.map((l) => l.offset)),
      durationSeconds: 60,
    });
  return b.build();
};
const { minScore } = DEFAULT_MATCH_OPTIONS;

describe('decideMatch', () => {
  it('needs at least minScore aligned votes, and reports the offset and speed', () => {
    const index = indexOf({ 4: hashes(100).map((hash, i) => ({ hash, offset: 500 + i })) });
    const aligned = (n: number) => query(hashes(n).map((hash, i) => ({ hash, offset: i })));
    expect(matchQuery(index, aligned(minScore - 1))).toBeNull();
    const m = matchQuery(index, aligned(minScore));
    expect(m?.track).toBe(4);
    expect(m?.score).toBe(minScore);
    expect(m?.speed).toBe(1);
    expect(Math.abs(m!.offsetSeconds - 500 * secondsPerFrame())).toBeLessThanOrEqual(
      DEFAULT_MATCH_OPTIONS.binFrames * secondsPerFrame(),
    );
  });

  it('scattered (unaligned) collisions do not add up to a match', () => {
    const index = indexOf({ 0: hashes(100).map((hash, i) => ({ hash, offset: i * 10 })) });
    expect(matchQuery(index, query(hashes(100).map((hash, i) => ({ hash, offset: i * 13 }))))).toBeNull();
  });

  it('is relative: a strong best track is refused when another track is nearly as strong', () => {
    const lm = hashes(60).map((hash, i) => ({ hash, offset: i }));
    const q = query(lm);
    expect(matchQuery(indexOf({ 0: lm, 1: lm }), q)).toBeNull();
    expect(matchQuery(indexOf({ 0: lm, 1: lm.slice(0, 40) }), q)).toBeNull();
    const m = matchQuery(indexOf({ 0: lm, 1: lm.slice(0, 20) }), q);
    expect(m?.track).toBe(0);
    expect(m?.runnerUp).toBe(20);
    // Equal support with the rule switched off: the smaller track number, whatever the order.
    expect(
      matchQuery(indexOf({ 9: lm, 3: lm }), q, { ...DEFAULT_MATCH_OPTIONS, minRatio: 0, margin: 0 })?.track,
    ).toBe(3);
  });

  it('votes at each trial speed separately and reports the winning one', () => {
    const s = FINGERPRINT_PARAMS.speeds.length - 1;
    const index = indexOf({ 2: hashes(30).map((hash, i) => ({ hash, offset: 100 + i })) });
    const m = matchQuery(index, query(hashes(30).map((hash, i) => ({ hash, offset: i, speed: s }))));
    expect(m?.speed).toBe(FINGERPRINT_PARAMS.speeds[s]);
  });

  it('skips hashes with more postings than maxPostingsPerHash', () => {
    const common = 77;
    const many = Array.from({ length: 50 }, (_, i) => ({ hash: common, offset: i }));
    const index = indexOf({ 0: many });
    const q = query(Array.from({ length: 20 }, (_, i) => ({ hash: common, offset: i })));
    expect(matchQuery(index, q, { ...DEFAULT_MATCH_OPTIONS, maxPostingsPerHash: 49 })).toBeNull();
    expect(matchQuery(index, q, { ...DEFAULT_MATCH_OPTIONS, maxPostingsPerHash: 50 })?.track).toBe(0);
  });

  it('an empty query or empty postings decide nothing', () => {
    const index = indexOf({});
    expect(matchQuery(index, query([]))).toBeNull();
    expect(matchQuery(index, query(hashes(20).map((hash, i) => ({ hash, offset: i }))))).toBeNull();
  });

  it('property: confidence is in [0.5, 1], the winner has the most support, and the rule holds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }), (supports) => {
        const q = hashes(60).map((hash, i) => ({ hash, offset: i }));
        const tracks = Object.fromEntries(
          supports.map((n, t) => [t, q.slice(0, n).map((l) => ({ hash: l.hash, offset: l.offset + 100 }))]),
        );
        const m = matchQuery(indexOf(tracks), query(q));
        const sorted = [...supports].sort((a, b) => b - a);
        const [top = 0, second = 0] = sorted;
        const accept =
          top >= Math.max(minScore, DEFAULT_MATCH_OPTIONS.minRatio * second + DEFAULT_MATCH_OPTIONS.margin);
        expect(m !== null).toBe(accept);
        if (!m) return;
        expect(m.score).toBe(top);
        expect(m.runnerUp).toBe(second);
        expect(m.track).toBe(supports.indexOf(top));
        expect(m.confidence).toBeGreaterThanOrEqual(0.5);
        expect(m.confidence).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('decides the same from a Postgres-shaped row set as from the packed index', () => {
    const lm = hashes(40).map((hash, i) => ({ hash, offset: 300 + i }));
    const index = indexOf({ 5: lm });
    const q = query(lm.map((l) => ({ hash: l.hash, offset: l.offset - 300 })));
    const direct = matchQuery(index, q);
    const rows = index.lookup(Uint32Array.from(new Set(q.hashes)).sort());
    expect(decideMatch(q, rows)).toEqual(direct);
    expect(direct?.track).toBe(5);
  });
});
