// The merge rule alone: alignment within tolerance, gaps below the threshold,
// bounds and confidence of the merged play.
import { describe, expect, it } from 'vitest';
import { belongsToPlay, DEFAULT_MERGE_OPTIONS, extentOf, type PlayEvidence } from '../src';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const detection = (id: string, airSeconds: number, trackSeconds: number, confidence = 0.5): PlayEvidence => ({
  id,
  startedAt: new Date(T0 + airSeconds * 1000),
  durationMs: 10_000,
  trackOffsetMs: trackSeconds * 1000,
  confidence,
});

describe('play merge rule', () => {
  const play = [detection('a', 0, 20), detection('b', 10, 30)];

  it('takes the next consistent capture, and a late one that fills a hole', () => {
    expect(belongsToPlay(play, detection('c', 20, 40))).toBe(true);
    expect(belongsToPlay([detection('a', 0, 20), detection('c', 20, 40)], detection('b', 10, 30))).toBe(true);
    // A second of clock jitter is still the same alignment.
    expect(belongsToPlay(play, detection('c', 21, 40))).toBe(true);
  });

  it('refuses another alignment (the track restarted or was cued elsewhere) and gaps past the threshold', () => {
    expect(belongsToPlay(play, detection('x', 20, 5))).toBe(false);
    const gapSeconds = DEFAULT_MERGE_OPTIONS.maxGapMs / 1000;
    expect(belongsToPlay(play, detection('late', 20 + gapSeconds + 1, 40 + gapSeconds + 1))).toBe(false);
    expect(belongsToPlay(play, detection('ok', 20 + gapSeconds - 1, 40 + gapSeconds - 1))).toBe(true);
    expect(belongsToPlay([], detection('c', 20, 40))).toBe(false);
  });

  it('spans first start to last end, offset of the first, mean confidence', () => {
    expect(extentOf([detection('c', 20, 40, 0.9), ...play])).toEqual({
      startedAt: new Date(T0),
      endedAt: new Date(T0 + 30_000),
      trackOffsetMs: 20_000,
      detectionCount: 3,
      confidence: 0.6333,
    });
    expect(() => extentOf([])).toThrow(RangeError);
  });
});
