import { describe, expect, it } from 'vitest';
import { parseRangeHeader } from '../src/byte-range-header';

describe('parseRangeHeader', () => {
  it('reads one range: closed, open-ended, or a suffix', () => {
    expect(parseRangeHeader('bytes=0-99')).toEqual({ start: 0, end: 99 });
    expect(parseRangeHeader('bytes=500-')).toEqual({ start: 500 });
    expect(parseRangeHeader('bytes=-500')).toEqual({ suffix: 500 });
    expect(parseRangeHeader(' Bytes=7-7 ')).toEqual({ start: 7, end: 7 });
  });

  it('ignores what it cannot serve as one range (the whole file is sent instead)', () => {
    for (const header of [
      undefined,
      '',
      'bytes=',
      'bytes=-',
      'bytes=9-3',
      'bytes=0-1,5-6',
      'items=0-1',
      'bytes=a-b',
      'bytes=1e3-',
      `bytes=0-${'9'.repeat(30)}`,
    ])
      expect(parseRangeHeader(header)).toBeUndefined();
  });
});
