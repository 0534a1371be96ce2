// The streaming WAV reader gives the same samples however its input is split, skips chunks it
// does not need without buffering them, and names what is wrong with a broken header.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AudioDecodeError } from '../src/index.ts';
import type { PcmBlock } from '../src/pcm-decoder.ts';
import { WavDecoder } from '../src/wav-decoder.ts';
import { wavBytes } from './test-signals.ts';

async function decodeInPieces(bytes: Uint8Array, cuts: readonly number[]): Promise<Float32Array[]> {
  const decoder = new WavDecoder();
  const blocks: PcmBlock[] = [];
  let at = 0;
  for (const cut of [...cuts, bytes.length].sort((a, b) => a - b)) {
    blocks.push(await decoder.decode(bytes.subarray(at, cut)));
    at = cut;
  }
  blocks.push(await decoder.flush());
  const channels = Math.max(...blocks.map((b) => b.channelData.length));
  return Array.from({ length: channels }, (_, c) =>
    Float32Array.from(blocks.flatMap((b) => (b.channelData[c] ? [...b.channelData[c]] : []))),
  );
}

const ramp = (n: number, scale: number) =>
  Float32Array.from({ length: n }, (_, i) => (((i * 37) % 200) / 100 - 1) * scale);

describe('WavDecoder', () => {
  // s16 has its own fast path (an Int16Array view, copied when a piece starts at an odd byte).
  it.each(['s24', 's16'] as const)('decodes %s identically for any split of the input', async (encoding) => {
    const left = ramp(300, 0.9);
    const right = ramp(300, -0.5);
    const odd = { id: 'LIST', body: new Uint8Array(33).fill(7) }; // odd size: one pad byte follows
    const bytes = wavBytes([left, right], 22_050, encoding, [odd]);
    const whole = await decodeInPieces(bytes, []);
    expect(whole[0]!.length).toBe(300);
    for (let i = 0; i < 300; i++) {
      expect(whole[0]![i]).toBeCloseTo(left[i]!, 4);
      expect(whole[1]![i]).toBeCloseTo(right[i]!, 4);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        async (cuts) => {
          expect(await decodeInPieces(bytes, cuts)).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  // A Buffer's slice() is a view: the odd-offset copy must not rely on it (a Buffer handed
  // over by IPC or cut from a larger one can start at any byte).
  it('decodes a Buffer that starts at an odd byte of its memory', async () => {
    const samples = ramp(500, 0.7);
    const bytes = wavBytes([samples], 8_000, 's16');
    const backing = Buffer.alloc(bytes.length + 1);
    backing.set(bytes, 1);
    const [mono] = await decodeInPieces(backing.subarray(1), []);
    expect(mono).toEqual((await decodeInPieces(bytes, []))[0]);
    expect(mono!.length).toBe(500);
  });

  it('skips a large chunk before the audio and ignores chunks after it', async () => {
    const art = { id: 'id3 ', body: new Uint8Array(3 * 1024 * 1024).fill(0xaa) };
    const body = wavBytes([ramp(1000, 0.5)], 8_000, 's16', [art]);
    const trailer = new Uint8Array([...'LIST'].map((c) => c.charCodeAt(0)).concat([4, 0, 0, 0, 1, 2, 3, 4]));
    const bytes = new Uint8Array(body.length + trailer.length);
    bytes.set(body);
    bytes.set(trailer, body.length);
    const [mono] = await decodeInPieces(bytes, [10, 5000, 3 * 1024 * 1024]);
    expect(mono!.length).toBe(1000);
    expect(mono![1]).toBeCloseTo(ramp(2, 0.5)[1]!, 4);
  });

  it('reads to the end of input when the data size is unknown (a pipe)', async () => {
    const bytes = wavBytes([ramp(500, 0.3)], 16_000, 'f32');
    const view = new DataView(bytes.buffer);
    view.setUint32(4, 0xffffffff, true);
    view.setUint32(40, 0xffffffff, true);
    const [mono] = await decodeInPieces(bytes, [100]);
    expect(mono!.length).toBe(500);
  });

  it.each([
    ['missing RIFF magic', (b: Uint8Array) => b.set([0x52, 0x49, 0x46, 0x58]), 'corrupt', /missing "RIFF"/],
    [
      'a RIFF that is not WAVE',
      (b: Uint8Array) => b.set([0x41, 0x56, 0x49, 0x20], 8),
      'corrupt',
      /RIFF type is "AVI "/,
    ],
    [
      'zero channels',
      (b: Uint8Array) => new DataView(b.buffer).setUint16(22, 0, true),
      'corrupt',
      /zero channels/,
    ],
    [
      'a wrong block align',
      (b: Uint8Array) => new DataView(b.buffer).setUint16(32, 3, true),
      'corrupt',
      /block align 3/,
    ],
    [
      '12-bit samples',
      (b: Uint8Array) => new DataView(b.buffer).setUint16(34, 12, true),
      'unsupported-format',
      /12 bits/,
    ],
  ] as const)('rejects %s', async (_name, damage, reason, message) => {
    const bytes = wavBytes([ramp(10, 0.1)], 8_000);
    damage(bytes);
    const error = await decodeInPieces(bytes, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudioDecodeError);
    expect(error).toMatchObject({ reason, message: expect.stringMatching(message) });
  });

  it('rejects a data chunk before the format chunk', async () => {
    const data = new Uint8Array(
      [...'RIFF', 0, 0, 0, 0, ...'WAVE', ...'data', 2, 0, 0, 0, 1, 2].map((c) =>
        typeof c === 'string' ? c.charCodeAt(0) : c,
      ),
    );
    await expect(decodeInPieces(data, [])).rejects.toThrow(/"data" chunk before "fmt " chunk/);
  });
});
