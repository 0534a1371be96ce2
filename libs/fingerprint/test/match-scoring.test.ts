// Scoring rules on hand-built fingerprints, so thresholds and tie-breaks are tested
// directly rather than through audio (where chance collisions are rare).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATCH_OPTIONS,
  FingerprintIndex,
  matchFingerprint,
  secondsPerFrame,
  DEFAULT_CONFIG,
  type Fingerprint,
} from '../src/index.ts';

const fp = (landmarks: { hash: number; offset: number }[]): Fingerprint => ({
  landmarks,
  durationSeconds: 10,
});
const hashes = (n: number, base = 1000) => Array.from({ length: n }, (_, i) => base + i * 7);

describe('match scoring', () => {
  it('needs at least minScore aligned landmarks', () => {
    const index = new FingerprintIndex();
    index.add('a', fp(hashes(100).map((hash, i) => ({ hash, offset: 500 + i }))));
    const aligned = (n: number) => fp(hashes(n).map((hash, i) => ({ hash, offset: i })));
    expect(matchFingerprint(index, aligned(DEFAULT_MATCH_OPTIONS.minScore - 1))).toBeNull();
    const m = matchFingerprint(index, aligned(DEFAULT_MATCH_OPTIONS.minScore));
    expect(m?.trackId).toBe('a');
    expect(m?.score).toBe(DEFAULT_MATCH_OPTIONS.minScore);
    expect(m?.offsetSeconds).toBeCloseTo(500 * secondsPerFrame(DEFAULT_CONFIG), 9);
  });

  it('scattered (unaligned) collisions do not add up to a match', () => {
    const index = new FingerprintIndex();
    index.add('a', fp(hashes(100).map((hash, i) => ({ hash, offset: i * 10 }))));
    // Same hashes, but each at a different relative offset: every vote lands in its own bin.
    expect(matchFingerprint(index, fp(hashes(100).map((hash, i) => ({ hash, offset: i * 13 }))))).toBeNull();
  });

  it('two tracks equally supported give zero confidence → none', () => {
    const index = new FingerprintIndex();
    const lm = hashes(40).map((hash, i) => ({ hash, offset: i }));
    index.add('a', fp(lm));
    index.add('b', fp(lm));
    expect(matchFingerprint(index, fp(lm))).toBeNull();
    expect(matchFingerprint(index, fp(lm), { minScore: 1, minConfidence: 0 })?.trackId).toBe('a');
  });

  it('property: confidence is in [0, 1] and the winner has the highest score', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }), (supports) => {
        const index = new FingerprintIndex();
        const query = hashes(60).map((hash, i) => ({ hash, offset: i }));
        supports.forEach((n, t) =>
          index.add(`t${t}`, fp(query.slice(0, n).map((l) => ({ hash: l.hash, offset: l.offset + 100 })))),
        );
        const m = matchFingerprint(index, fp(query), { minScore: 1, minConfidence: 0 });
        const top = Math.max(...supports);
        if (top === 0) {
          // No track shares a hash with the query: nothing to report.
          expect(m).toBeNull();
          return;
        }
        expect(m?.score).toBe(top);
        expect(m?.trackId).toBe(`t${supports.indexOf(top)}`);
        expect(m!.confidence).toBeGreaterThanOrEqual(0);
        expect(m!.confidence).toBeLessThanOrEqual(1);
      }),
    );
  });
});
