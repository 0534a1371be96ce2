// Any supported file → mono Float32 PCM, at its own rate or a requested one. The work streams:
// the file is read in 256 KB pieces, each piece is decoded, mixed to mono and resampled before
// the next is read, so memory is the output plus one piece, whatever the file's length. A WAV
// already in memory and no larger than a long capture goes in one piece: its PCM is at most
// four times its bytes, and one piece spares joining PCM pieces (a third of a 10 s capture's
// decode).
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AudioDecodeError } from './audio-decode-error.ts';
import { detectAudioFormat, FORMAT_CONTENT_TYPES, FORMAT_LABELS, type AudioFormat } from './audio-format.ts';
import { canDecodeFormat, DEFAULT_FFMPEG_PATH, getDecodeCapabilities } from './decode-capabilities.ts';
import {
  declaredFlacSamples,
  mp3StreamInfo,
  endsWithOggEndOfStream,
  OGG_TAIL_BYTES,
} from './declared-length.ts';
import { decodeWithFfmpeg, type FfmpegFormat } from './ffmpeg-decoder.ts';
import { downmixToMono } from './mono-downmix.ts';
import { concatFloat } from './pcm-concat.ts';
import { blockFrames, type PcmBlock, type PcmDecoder } from './pcm-decoder.ts';
import { StreamingResampler } from './streaming-resampler.ts';
import { WavDecoder } from './wav-decoder.ts';
import { createWasmDecoder, type WasmFormat } from './wasm-decoders.ts';

/** A file path, or the whole file's bytes. */
export type AudioInput = string | Uint8Array;

export interface DecodeOptions {
  /** Output rate in Hz; default: the audio's own rate (no resampling). */
  readonly sampleRate?: number;
  /** Skip detection when the caller knows the format (e.g. a stream's content type). */
  readonly format?: AudioFormat;
  /** Stop with `too-long` past this much audio; bounds memory for untrusted input. */
  readonly maxDurationSeconds?: number;
  /** Damaged frames tolerated before failing with `corrupt` (default 0). */
  readonly maxDecodeErrors?: number;
  /** The input is a window cut from a live stream: it has no proper end, so skip the truncation checks. */
  readonly partial?: boolean;
  /** ffmpeg executable for AAC/M4A (default `ffmpeg` on PATH). */
  readonly ffmpegPath?: string;
  readonly signal?: AbortSignal;
}

export interface AudioSourceInfo {
  readonly format: AudioFormat;
  readonly contentType: string;
  /** The decoded stream's own rate (Opus always decodes at 48 kHz). */
  readonly sampleRate: number;
  readonly channels: number;
  /** Length of the decoded audio itself, not what a header claims. */
  readonly durationSeconds: number;
  /** Damaged frames skipped (at most maxDecodeErrors). */
  readonly decodeErrors: number;
}

export interface DecodedAudio {
  /** Mono samples in [-1, 1]. */
  readonly samples: Float32Array;
  readonly sampleRate: number;
  readonly source: AudioSourceInfo;
}

export interface PcmChunk {
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

const READ_CHUNK_BYTES = 256 * 1024;
/** In-memory WAV up to this size is decoded in one piece (30 s of 48 kHz stereo is 5.8 MB). */
const ONE_PIECE_WAV_BYTES = 8 * 1024 * 1024;

/** Decodes the whole input into one mono buffer. */
export async function decodeAudio(input: AudioInput, options: DecodeOptions = {}): Promise<DecodedAudio> {
  const parts: Float32Array[] = [];
  const stream = decodeAudioStream(input, options);
  let sampleRate = options.sampleRate ?? 0;
  for (;;) {
    const next = await stream.next();
    if (next.done) {
      const source = next.value;
      return { samples: concatFloat(parts), sampleRate: sampleRate || source.sampleRate, source };
    }
    parts.push(next.value.samples);
    sampleRate = next.value.sampleRate;
  }
}

/** Yields mono PCM piece by piece as it decodes; returns what it learnt about the source. */
export async function* decodeAudioStream(
  input: AudioInput,
  options: DecodeOptions = {},
): AsyncGenerator<PcmChunk, AudioSourceInfo> {
  const wanted = options.sampleRate;
  if (wanted !== undefined && !(Number.isInteger(wanted) && wanted >= 1 && wanted <= 192_000))
    throw new RangeError(`sampleRate must be an integer from 1 to 192000 Hz (got ${wanted})`);
  const { format, contentType } = await identify(input, options);
  const maxErrors = options.maxDecodeErrors ?? 0;
  const maxSeconds = options.maxDurationSeconds ?? Infinity;
  let resampler: StreamingResampler | undefined;
  let sourceRate = 0;
  let channels = 0;
  let sourceFrames = 0;
  let errorCount = 0;
  let firstError: string | undefined;

  const blocks = pcmBlocks(input, format, options);
  try {
    for await (const block of blocks) {
      if (options.signal?.aborted) throw new AudioDecodeError('aborted', 'decoding was aborted');
      errorCount += block.errors.length;
      firstError ??= block.errors[0];
      if (errorCount > maxErrors) {
        throw new AudioDecodeError(
          'corrupt',
          `damaged ${FORMAT_LABELS[format]} audio: ${errorCount} frame(s) could not be decoded (first: ${firstError})`,
        );
      }
      const frames = blockFrames(block);
      if (frames === 0) continue;
      sourceRate ||= block.sampleRate;
      if (block.sampleRate !== sourceRate) {
        // Chained files (Ogg streams or MP3s joined end to end) at different rates: the WASM
        // decoders report one rate per call, so the timing of such a file cannot be trusted.
        throw new AudioDecodeError(
          'unsupported-format',
          `the sample rate changes mid-file (${sourceRate} → ${block.sampleRate} Hz); re-encode it at one rate`,
        );
      }
      channels = Math.max(channels, block.channelData.length);
      sourceFrames += frames;
      if (sourceFrames / sourceRate > maxSeconds) {
        throw new AudioDecodeError('too-long', `audio is longer than the ${maxSeconds} s allowed here`);
      }
      resampler ??= await StreamingResampler.create(sourceRate, options.sampleRate ?? sourceRate);
      const samples = resampler.push(downmixToMono(block.channelData));
      if (samples.length > 0) yield { samples, sampleRate: resampler.outputRate };
    }
    if (sourceFrames === 0)
      throw new AudioDecodeError(
        'corrupt',
        `no ${FORMAT_LABELS[format]} audio could be decoded from the input`,
      );
    if (resampler) {
      const tail = resampler.end();
      if (tail.length > 0) yield { samples: tail, sampleRate: resampler.outputRate };
    }
  } finally {
    resampler?.free();
    await blocks.return(undefined);
  }
  return {
    format,
    contentType,
    sampleRate: sourceRate,
    channels,
    durationSeconds: sourceFrames / sourceRate,
    decodeErrors: errorCount,
  };
}

async function identify(
  input: AudioInput,
  options: DecodeOptions,
): Promise<{ format: AudioFormat; contentType: string }> {
  const size = typeof input === 'string' ? (await stat(input)).size : input.length;
  if (size === 0) throw new AudioDecodeError('empty', 'the audio file is empty');
  if (options.format)
    return { format: options.format, contentType: FORMAT_CONTENT_TYPES[options.format][0]! };
  const detected = await detectAudioFormat(typeof input === 'string' ? input : input.subarray(0, 64 * 1024));
  if (!detected) {
    throw new AudioDecodeError(
      'unsupported-format',
      `not a supported audio format (supported: ${Object.values(FORMAT_LABELS).join(', ')})`,
    );
  }
  return detected;
}

/** PCM blocks from the format's decoder, with the end-of-file checks each format allows. */
async function* pcmBlocks(
  input: AudioInput,
  format: AudioFormat,
  options: DecodeOptions,
): AsyncGenerator<PcmBlock> {
  if (format === 'm4a' || format === 'aac') {
    yield* ffmpegBlocks(input, format, options);
    return;
  }
  const decoder: PcmDecoder =
    format === 'wav' ? new WavDecoder() : await createWasmDecoder(format as WasmFormat);
  let head: Uint8Array | undefined;
  let tail: Uint8Array = new Uint8Array(0);
  let frames = 0;
  let damaged = false;
  try {
    const onePiece = format === 'wav' && typeof input !== 'string' && input.length <= ONE_PIECE_WAV_BYTES;
    for await (const chunk of readChunks(input, options.signal, onePiece ? input.length : READ_CHUNK_BYTES)) {
      head ??= chunk;
      if (format === 'ogg-vorbis' || format === 'ogg-opus') tail = keepTail(tail, chunk, OGG_TAIL_BYTES);
      const block = await decoder.decode(chunk);
      frames += blockFrames(block);
      damaged ||= block.errors.length > 0;
      yield block;
    }
    const last = await decoder.flush();
    frames += blockFrames(last);
    yield last;
  } finally {
    decoder.free();
  }
  // Tolerated damage loses frames too, so a shortfall would no longer mean a cut-short file.
  if (!options.partial && !damaged && head && frames > 0) checkDeclaredLength(format, head, tail, frames);
}

function checkDeclaredLength(format: AudioFormat, head: Uint8Array, tail: Uint8Array, frames: number): void {
  if (format === 'flac') {
    const declared = declaredFlacSamples(head);
    if (declared !== undefined && frames < declared)
      // libFLAC's parser drops frames it cannot check, so damage shows up here as missing samples too.
      throw new AudioDecodeError(
        'truncated',
        `truncated FLAC: ${frames} of ${declared} declared samples decoded (the file is cut short or damaged)`,
      );
  } else if (format === 'mp3') {
    const info = mp3StreamInfo(head);
    const declared = info?.declaredFrames;
    // mpg123 drops the info frame, encoder delay and padding: allow a few frames for them.
    if (info && declared !== undefined && frames < (declared - 4) * info.samplesPerFrame) {
      throw new AudioDecodeError(
        'truncated',
        `truncated MP3: ${Math.round(frames / info.samplesPerFrame)} of ${declared} declared frames present`,
      );
    }
  } else if ((format === 'ogg-vorbis' || format === 'ogg-opus') && !endsWithOggEndOfStream(tail)) {
    throw new AudioDecodeError(
      'truncated',
      'truncated Ogg: the last page is incomplete or not marked end-of-stream',
    );
  }
}

async function* ffmpegBlocks(
  input: AudioInput,
  format: FfmpegFormat,
  options: DecodeOptions,
): AsyncGenerator<PcmBlock> {
  const ffmpegPath = options.ffmpegPath ?? DEFAULT_FFMPEG_PATH;
  const capabilities = await getDecodeCapabilities({ ffmpegPath });
  if (!canDecodeFormat(capabilities, format)) {
    throw new AudioDecodeError(
      'decoder-unavailable',
      `${FORMAT_LABELS[format]} audio cannot be decoded by this server: ${capabilities.ffmpegProblem}`,
    );
  }
  const ffmpegOptions = { ffmpegPath, partial: options.partial ?? false, signal: options.signal };
  if (typeof input === 'string') {
    yield* decodeWithFfmpeg(input, format, ffmpegOptions);
    return;
  }
  // MP4 keeps its index (moov) anywhere in the file, often at the end: ffmpeg needs a seekable file.
  const dir = await mkdtemp(join(tmpdir(), 'zamio-audio-'));
  try {
    const path = join(dir, `input.${format}`);
    await writeFile(path, input, { mode: 0o600 });
    yield* decodeWithFfmpeg(path, format, ffmpegOptions);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function* readChunks(
  input: AudioInput,
  signal: AbortSignal | undefined,
  pieceBytes: number,
): AsyncGenerator<Uint8Array> {
  if (typeof input !== 'string') {
    for (let at = 0; at < input.length; at += pieceBytes) yield input.subarray(at, at + pieceBytes);
    return;
  }
  const stream = createReadStream(input, { highWaterMark: pieceBytes, signal });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    if (signal?.aborted) throw new AudioDecodeError('aborted', 'decoding was aborted', { cause: error });
    throw error;
  }
}

function keepTail(tail: Uint8Array, chunk: Uint8Array, keep: number): Uint8Array {
  if (chunk.length >= keep) return chunk.subarray(chunk.length - keep);
  const joined = new Uint8Array(Math.min(keep, tail.length + chunk.length));
  const fromTail = joined.length - chunk.length;
  joined.set(tail.subarray(tail.length - fromTail), 0);
  joined.set(chunk, fromTail);
  return joined;
}
