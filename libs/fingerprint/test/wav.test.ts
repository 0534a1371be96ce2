import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWavPcm, encodeWavPcm16 as encodeWav16, WavFormatError } from '../src/index.ts';

const mono = new Float32Array([0, 0.5, -0.5, 0.25]);

function patched(bytes: Uint8Array, _at: number, write: (v: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  write(new DataView(copy.buffer));
  return copy;
}

describe('decodeWavPcm', () => {
  it('decodes 16-bit mono PCM to [-1, 1) floats', () => {
    const wav = decodeWavPcm(encodeWav16([mono], 22_050));
    expect(wav.sampleRate).toBe(22_050);
    expect(wav.channels).toBe(1);
    expect([...wav.samples].map((s) => Math.round(s * 1000) / 1000)).toEqual([0, 0.5, -0.5, 0.25]);
  });

  it('mixes stereo to mono by averaging channels', () => {
    const left = new Float32Array([0.5, 0.5, -1]);
    const right = new Float32Array([-0.5, 0.25, -1]);
    const wav = decodeWavPcm(encodeWav16([left, right], 8000));
    expect(wav.channels).toBe(2);
    expect(wav.samples[0]).toBeCloseTo(0, 4);
    expect(wav.samples[1]).toBeCloseTo(0.375, 3);
    expect(wav.samples[2]).toBeCloseTo(-1, 3);
  });

  it('skips unknown chunks (e.g. LIST) and honours odd-size padding', () => {
    const base = encodeWav16([mono], 8000);
    const list = new Uint8Array([...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]));
    const bytes = new Uint8Array(base.length + list.length);
    bytes.set(base.subarray(0, 36));
    bytes.set(list, 36);
    bytes.set(base.subarray(36), 36 + list.length);
    expect(decodeWavPcm(bytes).samples).toHaveLength(4);
  });

  it('rejects data that is not RIFF/WAVE, naming the problem', () => {
    expect(() => decodeWavPcm(new Uint8Array([1, 2, 3]))).toThrow(/shorter than a RIFF header/);
    const notRiff = patched(encodeWav16([mono], 8000), 0, (v) => v.setUint32(0, 0x46464952 + 1, true));
    expect(() => decodeWavPcm(notRiff)).toThrow(WavFormatError);
    expect(() => decodeWavPcm(notRiff)).toThrow(/missing "RIFF" magic/);
    const notWave = patched(encodeWav16([mono], 8000), 8, (v) => v.setUint8(8, 'A'.charCodeAt(0)));
    expect(() => decodeWavPcm(notWave)).toThrow(/expected "WAVE"/);
  });

  it('rejects a truncated data chunk', () => {
    const full = encodeWav16([new Float32Array(100)], 8000);
    expect(() => decodeWavPcm(full.subarray(0, full.length - 10))).toThrow(
      /truncated WAV: data chunk declares 200 bytes but only 190 remain/,
    );
    expect(() => decodeWavPcm(full.subarray(0, 36))).toThrow(/no "data" chunk/);
    expect(() => decodeWavPcm(full.subarray(0, 30))).toThrow(/"fmt " chunk is shorter/);
  });

  it('rejects unsupported formats: float, 8/24-bit', () => {
    const float = patched(encodeWav16([mono], 8000), 20, (v) => v.setUint16(20, 3, true));
    expect(() => decodeWavPcm(float)).toThrow(/unsupported WAV format tag 3/);
    const bits24 = patched(encodeWav16([mono], 8000), 34, (v) => v.setUint16(34, 24, true));
    expect(() => decodeWavPcm(bits24)).toThrow(/unsupported WAV bit depth 24/);
  });

  it('rejects data before fmt', () => {
    const bytes = new Uint8Array(12 + 8);
    bytes.set(encodeWav16([mono], 8000).subarray(0, 12));
    bytes.set(
      [...'data'].map((c) => c.charCodeAt(0)),
      12,
    );
    expect(() => decodeWavPcm(bytes)).toThrow(/"data" chunk before "fmt "/);
  });
});

describe('encodeWavPcm16', () => {
  it('round-trips through decodeWavPcm within 16-bit precision and clips out-of-range samples', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -2, max: 2, noNaN: true }), { maxLength: 200 }), (values) => {
        const decoded = decodeWavPcm(encodeWav16([Float32Array.from(values)], 16_000)).samples;
        expect(decoded).toHaveLength(values.length);
        values.forEach((v, i) =>
          expect(Math.abs(decoded[i]! - Math.max(-1, Math.min(1, v)))).toBeLessThan(1e-4),
        );
      }),
    );
  });

  it('decodes through the DataView path when the data is not 2-byte aligned', () => {
    const bytes = encodeWav16([mono], 8000);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeWavPcm(shifted.subarray(1)).samples).toEqual(decodeWavPcm(bytes).samples);
  });
});
