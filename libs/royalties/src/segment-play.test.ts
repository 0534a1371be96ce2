import { describe, expect, it } from 'vitest';
import { RoyaltyError } from './errors.ts';
import { segmentByPeriod } from './segment-play.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Compact view: [period, minutes] pairs. */
function shape(start: number, durationMs: number, zone: string): Array<[string, number]> {
  return segmentByPeriod(start, durationMs, zone).map((s) => [s.period, (s.endMs - s.startMs) / MIN]);
}

describe('segmentByPeriod', () => {
  it('splits 09:58–10:03 Accra into 2 min prime + 3 min regular', () => {
    expect(shape(Date.UTC(2026, 0, 15, 9, 58), 5 * MIN, 'Africa/Accra')).toEqual([
      ['prime', 2],
      ['regular', 3],
    ]);
  });

  it('keeps a play inside one period as one segment', () => {
    const start = Date.UTC(2026, 0, 15, 12);
    expect(segmentByPeriod(start, 3 * MIN, 'Africa/Accra')).toEqual([
      { period: 'regular', startMs: start, endMs: start + 3 * MIN },
    ]);
  });

  it('splits across midnight (regular → off-peak)', () => {
    expect(shape(Date.UTC(2026, 0, 15, 23, 58), 5 * MIN, 'Africa/Accra')).toEqual([
      ['regular', 2],
      ['off_peak', 3],
    ]);
  });

  it('covers a whole day in five periods', () => {
    expect(shape(Date.UTC(2026, 0, 15), 24 * HOUR, 'Africa/Accra')).toEqual([
      ['off_peak', 360],
      ['prime', 240],
      ['regular', 360],
      ['prime', 240],
      ['regular', 240],
    ]);
  });

  it('uses the station zone, not UTC (09:58 UTC is 15:28 in Kolkata)', () => {
    expect(shape(Date.UTC(2026, 0, 15, 9, 58), 5 * MIN, 'Asia/Kolkata')).toEqual([['regular', 5]]);
    // 10:28 UTC = 15:58 IST → crosses 16:00 into prime.
    expect(shape(Date.UTC(2026, 0, 15, 10, 28), 5 * MIN, 'Asia/Kolkata')).toEqual([
      ['regular', 2],
      ['prime', 3],
    ]);
  });

  it('counts real time across London spring-forward (01:00 GMT → 02:00 BST)', () => {
    // 00:30 GMT for 6 h real time: off-peak until 06:00 BST = 05:00 UTC (4.5 h), then prime.
    expect(shape(Date.UTC(2026, 2, 29, 0, 30), 6 * HOUR, 'Europe/London')).toEqual([
      ['off_peak', 270],
      ['prime', 90],
    ]);
  });

  it('counts real time across London fall-back (02:00 BST → 01:00 GMT)', () => {
    // 00:00 BST (23:00 UTC) for 8 h: local 00:00→06:00 GMT takes 7 real hours, then 1 h prime.
    expect(shape(Date.UTC(2026, 9, 24, 23), 8 * HOUR, 'Europe/London')).toEqual([
      ['off_peak', 420],
      ['prime', 60],
    ]);
  });

  it('handles a fall-back at local midnight (Santiago repeats 23:00–24:00)', () => {
    // Chile ends DST on 2026-04-05 at 00:00 −03 → 23:00 −04, i.e. 03:00 UTC.
    // 22:30 local (01:30 UTC) for 3 h: 22:30–24:00 (1.5 h), 23:00–24:00 again (1 h) regular, then 0.5 h off-peak.
    expect(shape(Date.UTC(2026, 3, 5, 1, 30), 3 * HOUR, 'America/Santiago')).toEqual([
      ['regular', 150],
      ['off_peak', 30],
    ]);
  });

  it('splits on sub-second boundaries exactly', () => {
    const start = Date.UTC(2026, 0, 15, 9, 59, 59, 800);
    const segs = segmentByPeriod(start, 500, 'Africa/Accra');
    expect(segs.map((s) => [s.period, s.endMs - s.startMs])).toEqual([
      ['prime', 200],
      ['regular', 300],
    ]);
  });

  it('returns no segments for a zero-length play', () => {
    expect(segmentByPeriod(Date.UTC(2026, 0, 1), 0, 'Africa/Accra')).toEqual([]);
  });

  it('rejects bad input', () => {
    expect(() => segmentByPeriod(Number.NaN, 1000, 'Africa/Accra')).toThrow(RoyaltyError);
    expect(() => segmentByPeriod(0, -1, 'Africa/Accra')).toThrow(RoyaltyError);
    expect(() => segmentByPeriod(0, 1000, 'Nowhere/Land')).toThrow(RoyaltyError);
  });
});
