// Streaming RIFF/WAVE reader: integer PCM (8/16/24/32-bit) and IEEE float (32/64-bit), plain or
// WAVE_FORMAT_EXTENSIBLE. The format is a fixed header and raw samples, so reading it needs no
// codec library; what it must get right is chunk walking over arbitrary chunk boundaries,
// skipping large non-audio chunks without buffering them, and telling a cut-short file apart.
// A data size of 0 or 0xFFFFFFFF means "until end of input" (ffmpeg writing to a pipe).
import { AudioDecodeError } from './audio-decode-error.ts';
import { concatFloat } from './pcm-concat.ts';
import type { PcmBlock, PcmDecoder } from './pcm-decoder.ts';

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
const OPEN_ENDED_SIZES = new Set([0, 0xffffffff]);

interface WavFormat {
  readonly encoding: 'int' | 'float';
  readonly channels: number;
  readonly sampleRate: number;
  readonly bytesPerSample: number;
  readonly blockAlign: number;
}

type Stage = 'riff' | 'chunk-header' | 'fmt' | 'skip' | 'data' | 'done';

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));

export class WavDecoder implements PcmDecoder {
  private pending: Uint8Array = new Uint8Array(0);
  private stage: Stage = 'riff';
  private chunkSize = 0;
  private skipRemaining = 0;
  private format: WavFormat | undefined;
  /** Bytes of sample data still expected; Infinity when the header does not say. */
  private dataRemaining = 0;
  private dataDeclared = 0;
  private dataRead = 0;

  async decode(chunk: Uint8Array): Promise<PcmBlock> {
    this.pending = this.pending.length === 0 ? chunk : concat(this.pending, chunk);
    const blocks: Float32Array[][] = [];
    for (;;) {
      const progressed = this.step(blocks);
      if (!progressed) break;
    }
    return this.toBlock(blocks);
  }

  async flush(): Promise<PcmBlock> {
    if (this.stage === 'riff' || !this.format)
      throw new AudioDecodeError('corrupt', 'invalid WAV: the file ends before its "fmt " chunk');
    if (this.stage !== 'data' && this.stage !== 'done')
      throw new AudioDecodeError('corrupt', 'invalid WAV: no "data" chunk');
    if (this.stage === 'data' && Number.isFinite(this.dataRemaining) && this.dataRemaining > 0) {
      throw new AudioDecodeError(
        'truncated',
        `truncated WAV: the data chunk declares ${this.dataDeclared} bytes but the file holds ${this.dataRead}`,
      );
    }
    return { channelData: [], sampleRate: this.format.sampleRate, errors: [] };
  }

  free(): void {
    this.pending = new Uint8Array(0);
  }

  /** Consume what the pending bytes allow in the current stage; false when more input is needed. */
  private step(out: Float32Array[][]): boolean {
    const bytes = this.pending;
    switch (this.stage) {
      case 'riff': {
        if (bytes.length < 12) return false;
        if (ascii(bytes, 0) !== 'RIFF') {
          const found = ascii(bytes, 0);
          throw new AudioDecodeError(
            found === 'RF64' ? 'unsupported-format' : 'corrupt',
            found === 'RF64' ? 'RF64 (64-bit WAV) is not supported' : 'not a WAV file: missing "RIFF" magic',
          );
        }
        if (ascii(bytes, 8) !== 'WAVE')
          throw new AudioDecodeError('corrupt', `not a WAV file: RIFF type is "${ascii(bytes, 8)}"`);
        this.consume(12, 'chunk-header');
        return true;
      }
      case 'chunk-header': {
        if (bytes.length < 8) return false;
        const id = ascii(bytes, 0);
        const size = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
        if (id === 'fmt ') {
          this.chunkSize = size;
          this.consume(8, 'fmt');
        } else if (id === 'data') {
          if (!this.format)
            throw new AudioDecodeError('corrupt', 'invalid WAV: "data" chunk before "fmt " chunk');
          this.dataDeclared = size;
          this.dataRemaining = OPEN_ENDED_SIZES.has(size) ? Infinity : size;
          this.consume(8, 'data');
        } else {
          // Chunks are word-aligned: an odd size carries one pad byte.
          this.skipRemaining = size + (size & 1);
          this.consume(8, 'skip');
        }
        return true;
      }
      case 'fmt': {
        const padded = this.chunkSize + (this.chunkSize & 1);
        if (bytes.length < padded) return false;
        this.format = parseFormat(bytes.subarray(0, this.chunkSize));
        this.consume(padded, 'chunk-header');
        return true;
      }
      case 'skip': {
        if (bytes.length === 0) return false;
        const n = Math.min(this.skipRemaining, bytes.length);
        this.skipRemaining -= n;
        this.consume(n, this.skipRemaining === 0 ? 'chunk-header' : 'skip');
        return true;
      }
      case 'data': {
        const format = this.format!;
        const usable = Math.min(bytes.length, this.dataRemaining);
        const frames = Math.floor(usable / format.blockAlign);
        if (frames === 0) {
          if (this.dataRemaining === 0) this.stage = 'done';
          return false;
        }
        const take = frames * format.blockAlign;
        out.push(toPlanar(bytes.subarray(0, take), frames, format));
        this.dataRead += take;
        this.dataRemaining -= take;
        this.consume(take, this.dataRemaining === 0 ? 'done' : 'data');
        return true;
      }
      case 'done':
        // Anything after the data chunk (LIST, id3 tags) is metadata: ignore it.
        this.pending = new Uint8Array(0);
        return false;
    }
  }

  private consume(bytes: number, next: Stage): void {
    this.pending = this.pending.subarray(bytes);
    this.stage = next;
  }

  private toBlock(parts: Float32Array[][]): PcmBlock {
    const sampleRate = this.format?.sampleRate ?? 0;
    if (parts.length === 0) return { channelData: [], sampleRate, errors: [] };
    if (parts.length === 1) return { channelData: parts[0]!, sampleRate, errors: [] };
    const channels = parts[0]!.length;
    const channelData = Array.from({ length: channels }, (_, c) => concatFloat(parts.map((p) => p[c]!)));
    return { channelData, sampleRate, errors: [] };
  }
}

function parseFormat(fmt: Uint8Array): WavFormat {
  if (fmt.length < 16)
    throw new AudioDecodeError('corrupt', 'invalid WAV: "fmt " chunk is shorter than 16 bytes');
  const view = new DataView(fmt.buffer, fmt.byteOffset, fmt.byteLength);
  let tag = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  const bits = view.getUint16(14, true);
  if (tag === FORMAT_EXTENSIBLE) {
    if (fmt.length < 26)
      throw new AudioDecodeError('corrupt', 'invalid WAV: extensible "fmt " chunk is too short');
    tag = view.getUint16(24, true); // first two bytes of the sub-format GUID
  }
  if (channels < 1) throw new AudioDecodeError('corrupt', 'invalid WAV: zero channels');
  if (sampleRate < 1) throw new AudioDecodeError('corrupt', 'invalid WAV: zero sample rate');
  const bytesPerSample = bits / 8;
  const encoding = tag === FORMAT_PCM ? 'int' : tag === FORMAT_FLOAT ? 'float' : undefined;
  const supported =
    (encoding === 'int' && [1, 2, 3, 4].includes(bytesPerSample)) ||
    (encoding === 'float' && [4, 8].includes(bytesPerSample));
  if (!encoding || !supported) {
    throw new AudioDecodeError(
      'unsupported-format',
      `unsupported WAV encoding: format tag ${tag}, ${bits} bits (supported: integer PCM 8/16/24/32-bit, float 32/64-bit)`,
    );
  }
  if (blockAlign !== channels * bytesPerSample)
    throw new AudioDecodeError(
      'corrupt',
      `invalid WAV: block align ${blockAlign} is not channels × ${bytesPerSample}`,
    );
  return { encoding, channels, sampleRate, bytesPerSample, blockAlign };
}

function toPlanar(bytes: Uint8Array, frames: number, format: WavFormat): Float32Array[] {
  const { channels, bytesPerSample, encoding } = format;
  if (encoding === 'int' && bytesPerSample === 2 && LITTLE_ENDIAN)
    return int16ToPlanar(bytes, frames, channels);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = sampleReader(view, bytesPerSample, encoding);
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let c = 0; c < channels; c++) {
    const channel = out[c]!;
    let at = c * bytesPerSample;
    for (let i = 0; i < frames; i++, at += format.blockAlign) channel[i] = read(at);
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * 16-bit PCM, the common case (every capture device, ffmpeg's default): read through an
 * Int16Array instead of a DataView call per sample — the same values, several times faster.
 */
function int16ToPlanar(bytes: Uint8Array, frames: number, channels: number): Float32Array[] {
  // An Int16Array needs an even byte offset; a chunk split at an odd byte is copied first
  // (by the Uint8Array constructor: a Node Buffer's slice() is a view, not a copy).
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : new Uint8Array(bytes);
  const samples = new Int16Array(aligned.buffer, aligned.byteOffset, frames * channels);
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let c = 0; c < channels; c++) {
    const channel = out[c]!;
    for (let i = 0, at = c; i < frames; i++, at += channels) channel[i] = samples[at]! / 32768;
  }
  return out;
}

function sampleReader(view: DataView, bytes: number, encoding: 'int' | 'float'): (at: number) => number {
  if (encoding === 'float')
    return bytes === 4 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
  switch (bytes) {
    case 1:
      return (at) => (view.getUint8(at) - 128) / 128; // 8-bit WAV is unsigned
    case 2:
      return (at) => view.getInt16(at, true) / 32768;
    case 3:
      return (at) => ((view.getInt8(at + 2) << 16) | view.getUint16(at, true)) / 8388608;
    default:
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
