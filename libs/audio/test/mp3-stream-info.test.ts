// What the first MPEG audio frame header says: channels, samples per frame, sample rate and
// bit rate (the MP3 decoder sizes its output from the last two when no frame count is given).
import { describe, expect, it } from 'vitest';
import { mp3StreamInfo } from '../src/declared-length.ts';

/** A frame header and enough zero bytes after it for the Xing probe to look at. */
const frame = (...header: number[]) => new Uint8Array([...header, ...new Uint8Array(60)]);

describe('mp3StreamInfo', () => {
  it('reads an MPEG-1 Layer III header (128 kbit/s, 44.1 kHz, mono)', () => {
    expect(mp3StreamInfo(frame(0xff, 0xfb, 0x90, 0xc4))).toEqual({
      channels: 1,
      samplesPerFrame: 1152,
      sampleRate: 44_100,
      bitRate: 128_000,
      declaredFrames: undefined,
    });
  });

  it('reads MPEG-2 and MPEG-2.5 rates and bit rates from their own tables', () => {
    // MPEG-2 Layer III, index 8 = 64 kbit/s, rate index 1 = 24 kHz, stereo.
    expect(mp3StreamInfo(frame(0xff, 0xf3, 0x84, 0x00))).toMatchObject({
      channels: 2,
      samplesPerFrame: 576,
      sampleRate: 24_000,
      bitRate: 64_000,
    });
    // MPEG-2.5 Layer III, index 1 = 8 kbit/s, rate index 2 = 8 kHz.
    expect(mp3StreamInfo(frame(0xff, 0xe3, 0x18, 0xc0))).toMatchObject({ sampleRate: 8_000, bitRate: 8_000 });
  });

  it('leaves "free" and invalid bit rates unknown', () => {
    expect(mp3StreamInfo(frame(0xff, 0xfb, 0x00, 0xc4))?.bitRate).toBeUndefined();
    expect(mp3StreamInfo(frame(0xff, 0xfb, 0xf0, 0xc4))?.bitRate).toBeUndefined();
  });

  it('finds the frame behind an ID3v2 tag and reads a Xing frame count', () => {
    const tag = [0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0];
    const head = [0xff, 0xfb, 0x90, 0xc4];
    // Mono MPEG-1: the Xing tag sits after 17 bytes of side information.
    const xing = [...new Uint8Array(17), 0x58, 0x69, 0x6e, 0x67, 0, 0, 0, 1, 0, 0, 0x01, 0x2c];
    const bytes = new Uint8Array([...tag, ...head, ...xing, ...new Uint8Array(40)]);
    expect(mp3StreamInfo(bytes)).toMatchObject({ bitRate: 128_000, declaredFrames: 300 });
  });
});
