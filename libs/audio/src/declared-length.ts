// How long a file says it is, for the formats whose headers say so, so a file cut short is
// reported as truncated instead of decoding to a shorter track without complaint:
//   FLAC: STREAMINFO's total sample count;  MP3: the Xing/Info (LAME) or VBRI frame count;
//   Ogg: the last page carries the end-of-stream flag.  (WAV: the data chunk size, checked by
//   the WAV reader; M4A: ffmpeg reports "partial file".) A plain CBR MP3 without a Xing/Info
//   frame or an ADTS stream declares nothing: cut short, it is a valid shorter file.

const ascii = (bytes: Uint8Array, at: number, length = 4): string =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** Total samples per channel from FLAC's STREAMINFO, or undefined when unknown (0) or absent. */
export function declaredFlacSamples(head: Uint8Array): number | undefined {
  // "fLaC", block header (type 0 = STREAMINFO, 34 bytes), then sample rate/channels/bits/total.
  if (head.length < 26 || ascii(head, 0) !== 'fLaC' || (head[4]! & 0x7f) !== 0) return undefined;
  const total =
    (head[21]! & 0x0f) * 2 ** 32 +
    ((head[22]! << 24) >>> 0) +
    (head[23]! << 16) +
    (head[24]! << 8) +
    head[25]!;
  return total > 0 ? total : undefined;
}

export interface Mp3StreamInfo {
  readonly channels: 1 | 2;
  readonly samplesPerFrame: number;
  /** The first frame's sample rate (Hz) and bit rate (bit/s; undefined for "free" or a bad index). */
  readonly sampleRate: number | undefined;
  readonly bitRate: number | undefined;
  /** From a Xing/Info (LAME) or VBRI header in the first frame; undefined without one. */
  readonly declaredFrames: number | undefined;
}

/** What the first MPEG audio frame (after any ID3v2 tag) says about the stream. */
export function mp3StreamInfo(head: Uint8Array): Mp3StreamInfo | undefined {
  const start = firstFrameOffset(head);
  if (start === undefined || start + 4 > head.length) return undefined;
  const b1 = head[start + 1]!;
  const b3 = head[start + 3]!;
  const version = (b1 >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layer = (b1 >> 1) & 3; // 1 = Layer III, 2 = II, 3 = I
  const crc = (b1 & 1) === 0 ? 2 : 0;
  const mono = b3 >> 6 === 3;
  const mpeg1 = version === 3;
  const samplesPerFrame = layer === 3 ? 384 : layer === 2 || mpeg1 ? 1152 : 576;
  const b2 = head[start + 2]!;
  const rates = SAMPLE_RATES[(b2 >> 2) & 3];
  const sampleRate = rates && rates / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const kbits = (mpeg1 ? MPEG1_KBITS : MPEG2_KBITS)[layer]?.[b2 >> 4];
  const base = {
    channels: mono ? 1 : 2,
    samplesPerFrame,
    sampleRate,
    bitRate: kbits ? kbits * 1000 : undefined,
  } as const;
  const sideInfo = mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const xing = start + 4 + crc + sideInfo;
  if (xing + 12 <= head.length && ['Xing', 'Info'].includes(ascii(head, xing))) {
    const flags = readUint32(head, xing + 4);
    return { ...base, declaredFrames: flags & 1 ? readUint32(head, xing + 8) : undefined };
  }
  const vbri = start + 36;
  if (vbri + 18 <= head.length && ascii(head, vbri) === 'VBRI')
    return { ...base, declaredFrames: readUint32(head, vbri + 14) };
  return { ...base, declaredFrames: undefined };
}

// Frame header tables (ISO 11172-3 / 13818-3): sample rate index → Hz (MPEG-1; MPEG-2 halves
// it, MPEG-2.5 quarters it), and per layer (index 3 = Layer I … 1 = Layer III) bit rate index
// → kbit/s; 0 ("free") and 15 (invalid) are left undefined.
const SAMPLE_RATES = [44_100, 48_000, 32_000];
const kbits = (...values: number[]) => [undefined, ...values];
const MPEG1_KBITS = [
  [],
  kbits(32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
  kbits(32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
  kbits(32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
];
const MPEG2_LAYER_2_3 = kbits(8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160);
const MPEG2_KBITS = [
  [],
  MPEG2_LAYER_2_3,
  MPEG2_LAYER_2_3,
  kbits(32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
];

/** Offset of the first MPEG frame header after any ID3v2 tag (searched in the first 4 KB after it). */
function firstFrameOffset(head: Uint8Array): number | undefined {
  let at = 0;
  if (head.length >= 10 && ascii(head, 0, 3) === 'ID3') {
    const size =
      ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    at = 10 + size + (head[5]! & 0x10 ? 10 : 0);
  }
  const end = Math.min(head.length - 4, at + 4_096);
  for (let i = at; i <= end; i++) {
    if (head[i] === 0xff && (head[i + 1]! & 0xe0) === 0xe0 && ((head[i + 1]! >> 1) & 3) !== 0) return i;
  }
  return undefined;
}

/** Enough to hold the last whole Ogg page (27-byte header + 255 lacing values + 255 × 255 bytes). */
export const OGG_TAIL_BYTES = 65_307;

/** Whether the last Ogg page in `tail` is complete-looking and flagged end-of-stream. */
export function endsWithOggEndOfStream(tail: Uint8Array): boolean {
  for (let i = tail.length - 27; i >= 0; i--) {
    if (
      tail[i] === 0x4f &&
      tail[i + 1] === 0x67 &&
      tail[i + 2] === 0x67 &&
      tail[i + 3] === 0x53 &&
      tail[i + 4] === 0
    ) {
      const segments = tail[i + 26]!;
      if (i + 27 + segments > tail.length) return false;
      let body = 0;
      for (let s = 0; s < segments; s++) body += tail[i + 27 + s]!;
      const complete = i + 27 + segments + body === tail.length;
      return complete && (tail[i + 5]! & 0x04) !== 0;
    }
  }
  return false;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
}
