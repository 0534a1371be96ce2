// Minimal RIFF/WAVE reader for 16-bit PCM. Pure: bytes in, samples out. Anything else is
// rejected with an error that names the problem, so a bad upload is diagnosable.

export interface DecodedWav {
  readonly sampleRate: number;
  readonly channels: number;
  /** Channels averaged to mono, scaled to [-1, 1). */
  readonly samples: Float32Array;
}

export class WavFormatError extends Error {
  override readonly name = 'WavFormatError';
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

function ascii(view: DataView, at: number): string {
  return String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );
}

export function decodeWavPcm(bytes: Uint8Array): DecodedWav {
  if (bytes.length < 12)
    throw new WavFormatError(`not a WAV file: ${bytes.length} bytes is shorter than a RIFF header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ascii(view, 0) !== 'RIFF')
    throw new WavFormatError(`not a WAV file: missing "RIFF" magic (found "${ascii(view, 0)}")`);
  if (ascii(view, 8) !== 'WAVE')
    throw new WavFormatError(`not a WAV file: RIFF type is "${ascii(view, 8)}", expected "WAVE"`);

  let format: { channels: number; sampleRate: number; bitsPerSample: number; blockAlign: number } | undefined;
  let pos = 12;
  // Walk chunks; "fmt " must precede "data" (as the spec requires) so data can be decoded.
  while (pos + 8 <= bytes.length) {
    const id = ascii(view, pos);
    const size = view.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length)
        throw new WavFormatError('truncated WAV: "fmt " chunk is shorter than 16 bytes');
      const tag = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const blockAlign = view.getUint16(body + 12, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      if (tag !== WAVE_FORMAT_PCM && tag !== WAVE_FORMAT_EXTENSIBLE) {
        throw new WavFormatError(`unsupported WAV format tag ${tag}: only PCM (1) is supported`);
      }
      if (bitsPerSample !== 16)
        throw new WavFormatError(`unsupported WAV bit depth ${bitsPerSample}: only 16-bit PCM is supported`);
      if (channels < 1) throw new WavFormatError('invalid WAV: zero channels');
      if (sampleRate < 1) throw new WavFormatError('invalid WAV: zero sample rate');
      if (blockAlign !== channels * 2)
        throw new WavFormatError(`invalid WAV: block align ${blockAlign} != channels × 2`);
      format = { channels, sampleRate, bitsPerSample, blockAlign };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('invalid WAV: "data" chunk before "fmt " chunk');
      if (body + size > bytes.length) {
        throw new WavFormatError(
          `truncated WAV: data chunk declares ${size} bytes but only ${bytes.length - body} remain`,
        );
      }
      return {
        sampleRate: format.sampleRate,
        channels: format.channels,
        samples: mixToMono(view, body, size, format.channels),
      };
    }
    // Chunks are word-aligned: odd sizes carry one pad byte.
    pos = body + size + (size & 1);
  }
  throw new WavFormatError(format ? 'truncated WAV: no "data" chunk' : 'invalid WAV: no "fmt " chunk');
}

// x86 and ARM are little-endian, as WAV is: samples can then be read through an Int16Array
// view (several times faster than DataView.getInt16) whenever the data is 2-byte aligned.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function mixToMono(view: DataView, start: number, size: number, channels: number): Float32Array {
  const frames = Math.floor(size / (2 * channels));
  const out = new Float32Array(frames);
  const scale = 1 / (32768 * channels);
  const at = view.byteOffset + start;
  if (LITTLE_ENDIAN && at % 2 === 0) {
    const pcm = new Int16Array(view.buffer, at, frames * channels);
    if (channels === 1) for (let i = 0; i < frames; i++) out[i] = pcm[i]! * scale;
    else if (channels === 2)
      for (let i = 0; i < frames; i++) out[i] = (pcm[2 * i]! + pcm[2 * i + 1]!) * scale;
    else
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < channels; c++) sum += pcm[i * channels + c]!;
        out[i] = sum * scale;
      }
    return out;
  }
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    const base = start + i * channels * 2;
    for (let c = 0; c < channels; c++) sum += view.getInt16(base + c * 2, true);
    out[i] = sum * scale;
  }
  return out;
}

/** 16-bit PCM WAV from per-channel samples in [-1, 1] (clipped): the inverse of decodeWavPcm. */
export function encodeWavPcm16(channels: readonly Float32Array[], sampleRate: number): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const dataBytes = frames * channels.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const tag = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i));
  };
  tag(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, WAVE_FORMAT_PCM, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels.length * 2, true);
  view.setUint16(32, channels.length * 2, true);
  view.setUint16(34, 16, true);
  tag(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels.length; c++) {
      const v = Math.max(-1, Math.min(1, channels[c]![i] ?? 0));
      view.setInt16(44 + (i * channels.length + c) * 2, Math.round(v * 32767), true);
    }
  }
  return bytes;
}
