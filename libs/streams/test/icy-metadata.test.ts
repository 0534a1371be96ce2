import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IcyMetadataDemuxer, parseIcyMetadata } from '../src/index.ts';

/** An ICY body: `metaInt` audio bytes, then a metadata block (empty unless a title is due). */
function interleave(audio: Uint8Array, metaInt: number, titles: Map<number, string>): Uint8Array {
  const out: number[] = [];
  for (let at = 0, block = 0; at < audio.length; at += metaInt, block++) {
    out.push(...audio.subarray(at, at + metaInt));
    if (at + metaInt > audio.length) break;
    const title = titles.get(block);
    if (!title) {
      out.push(0);
      continue;
    }
    const text = new TextEncoder().encode(`StreamTitle='${title}';`);
    const length = Math.ceil(text.length / 16);
    out.push(length, ...text, ...new Array<number>(length * 16 - text.length).fill(0));
  }
  return Uint8Array.from(out);
}

describe('ICY metadata demuxer', () => {
  it('returns the audio unchanged and every title, for any chunking', () => {
    const audio = Uint8Array.from({ length: 2_000 }, (_, i) => (i * 13) % 256);
    const titles = new Map([
      [0, 'First – Track'],
      [7, "Don't Stop"],
      [12, 'Ünïcode 日本'],
    ]);
    const body = interleave(audio, 100, titles);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 30 }), (cuts) => {
        const demuxer = new IcyMetadataDemuxer(100);
        const kept: number[] = [];
        const seen: string[] = [];
        let at = 0;
        for (const cut of [...cuts.sort((a, b) => a - b), body.length]) {
          const { audio: pieces, metadata } = demuxer.push(body.subarray(at, cut));
          for (const piece of pieces) kept.push(...piece);
          seen.push(...metadata.map((m) => parseIcyMetadata(m).StreamTitle!));
          at = cut;
        }
        expect(Uint8Array.from(kept)).toEqual(audio);
        expect(seen).toEqual([...titles.values()]);
      }),
      { numRuns: 100 },
    );
  });

  it('parses every field, quotes inside values included', () => {
    expect(parseIcyMetadata("StreamTitle='Rock 'n' Roll';StreamUrl='http://x/';")).toEqual({
      StreamTitle: "Rock 'n' Roll",
      StreamUrl: 'http://x/',
    });
    expect(parseIcyMetadata("StreamTitle='No semicolon'")).toEqual({ StreamTitle: 'No semicolon' });
  });

  it('refuses a metaint that is not a positive integer', () => {
    expect(() => new IcyMetadataDemuxer(0)).toThrow(/positive integer/);
  });
});
