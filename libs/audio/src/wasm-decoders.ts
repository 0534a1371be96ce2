// MP3, FLAC, Ogg Vorbis and Ogg Opus through the wasm-audio-decoders family (MIT, WASM builds of
// mpg123, libFLAC, libvorbis and libopus): pure WASM, so they run in every runtime mode with no
// native build or system package. Each decoder is loaded on first use only.
import { mp3StreamInfo } from './declared-length.ts';
import { decodeMpg123, isMpg123Decodable } from './mpg123-decode.ts';
import type { PcmBlock, PcmDecoder } from './pcm-decoder.ts';

export type WasmFormat = 'mp3' | 'flac' | 'ogg-vorbis' | 'ogg-opus';

/** The part of the family's DecodeError we report. */
interface WasmDecodeError {
  message: string;
  frameNumber: number;
  inputBytes: number;
}

interface WasmDecodedAudio {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: WasmDecodeError[];
}

/** What the four decoder classes have in common (decode is sync in some, async in others). */
interface WasmDecoder {
  ready: Promise<void>;
  decode(data: Uint8Array): WasmDecodedAudio | Promise<WasmDecodedAudio>;
  flush?: () => Promise<WasmDecodedAudio>;
  free(): void;
}

async function construct(format: WasmFormat): Promise<WasmDecoder> {
  switch (format) {
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder');
      // Gapless: mpg123 reads the LAME/Xing header and drops encoder delay and padding.
      return new MPEGDecoder({ enableGapless: true });
    }
    case 'flac': {
      const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
      return new FLACDecoder();
    }
    case 'ogg-vorbis': {
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
      return new OggVorbisDecoder();
    }
    case 'ogg-opus': {
      const { OggOpusDecoder } = await import('ogg-opus-decoder');
      return new OggOpusDecoder();
    }
  }
}

function toBlock(decoded: WasmDecodedAudio): PcmBlock {
  const frames = decoded.samplesDecoded;
  return {
    // The decoders may hand back views of a reused buffer longer than the frames decoded.
    channelData: frames > 0 ? decoded.channelData.map((channel) => channel.subarray(0, frames)) : [],
    sampleRate: decoded.sampleRate,
    errors: decoded.errors.map(
      (error) => `${error.message.trim()} (frame ${error.frameNumber}, input byte ${error.inputBytes})`,
    ),
  };
}

/**
 * What of mpg123-decoder's MPEGDecoder (1.0.x) the recycling below touches: its constructor
 * and free() are these same calls (mpeg_frame_decoder_create / _destroy on the WASM instance,
 * and the counters its errors report), so a recycled decoder starts each file from mpg123's
 * initial state, as a new one does. Checked at run time; anything else is freed as before.
 */
interface Mpg123Internals {
  _common: {
    wasm: {
      mpeg_frame_decoder_create(decoderPtr: number, gapless: number): number;
      mpeg_frame_decoder_destroy(decoder: number): void;
      free(ptr: number): void;
      HEAP: ArrayBuffer;
    };
    allocateTypedArray(
      length: number,
      type: Uint32ArrayConstructor,
      track: boolean,
    ): { ptr: number; buf: Uint32Array };
  };
  _decoder: number;
  _inputBytes: number;
  _outputSamples: number;
  _frameNumber: number;
}

function isMpg123(decoder: unknown): decoder is Mpg123Internals {
  const d = decoder as Partial<Mpg123Internals> | null;
  return (
    typeof d?._decoder === 'number' &&
    typeof d._common?.wasm?.mpeg_frame_decoder_create === 'function' &&
    typeof d._common.wasm.mpeg_frame_decoder_destroy === 'function' &&
    d._common.wasm.HEAP instanceof ArrayBuffer &&
    typeof d._common.allocateTypedArray === 'function'
  );
}

// A new MPEGDecoder instantiates mpg123's WASM module with a WebAssembly memory of its own
// (~2–3 ms), and dropping those memories is what set off most of V8's full collections in a
// process matching captures: in the Postgres bench an MP3 capture cost ~50 ms of CPU against
// ~20 ms for WAV. So a decoder that finished a file cleanly is kept (a few per process) and the
// next MP3 gets a fresh mpg123 handle in the same instance — the same output sample for sample
// (libs/audio/test/decode-formats.test.ts checks it against a new decoder). The library's own
// reset() frees the instance and instantiates a new one, so it is no cheaper than a new decoder.
const MAX_IDLE_MP3 = 2;
/** Files one instance decodes before it is dropped all the same (bounds whatever it keeps). */
const MAX_USES = 32;
const usesOf = new WeakMap<WasmDecoder, number>();
const idleMp3: WasmDecoder[] = [];
let mp3Recycled = 0;

/** MP3 decoders handed out again so far (tests). */
export function recycledMp3Decoders(): number {
  return mp3Recycled;
}

function recycleMp3(decoder: WasmDecoder): boolean {
  const uses = (usesOf.get(decoder) ?? 0) + 1;
  usesOf.set(decoder, uses);
  if (uses >= MAX_USES || idleMp3.length >= MAX_IDLE_MP3 || !isMpg123(decoder)) return false;
  const { wasm } = decoder._common;
  // The library's views are made once over the WASM memory: once it has grown they are stale.
  if (wasm.HEAP.byteLength === 0) return false;
  // mpeg_frame_decoder_destroy frees the handle's memory itself (free() frees it a second
  // time, harmless only in an instance about to be dropped).
  wasm.mpeg_frame_decoder_destroy(decoder._decoder);
  // The cell that receives the new handle's address is freed at once (not left to free()).
  const cell = decoder._common.allocateTypedArray(1, Uint32Array, false);
  const error = wasm.mpeg_frame_decoder_create(cell.ptr, 1);
  decoder._decoder = cell.buf[0]!;
  wasm.free(cell.ptr);
  if (error !== 0) return false;
  decoder._inputBytes = 0;
  decoder._outputSamples = 0;
  decoder._frameNumber = 0;
  idleMp3.push(decoder);
  return true;
}

/** Output arrays sized from a header's frame count at most this long (4 MB a channel); longer ones grow. */
const MAX_PRESIZED_SAMPLES = 1 << 20;

export async function createWasmDecoder(format: WasmFormat): Promise<PcmDecoder> {
  const idle = format === 'mp3' ? idleMp3.pop() : undefined;
  if (idle) mp3Recycled++;
  const decoder = idle ?? (await construct(format));
  await decoder.ready;
  let freed = false;
  // Recycled only after a whole file decoded without a damaged frame or an exception.
  let clean = format === 'mp3';
  // mpg123 always outputs two channels, a mono stream duplicated: keep one so the channel count is true.
  let channels: 1 | 2 | undefined;
  /** Samples per channel the MP3's Xing/VBRI frame count says are still to come (0: unknown). */
  let declaredLeft = 0;
  /** Samples per input byte at the first frame's bit rate (0: unknown). */
  let samplesPerByte = 0;
  const trim = (block: PcmBlock): PcmBlock =>
    channels === 1 && block.channelData.length > 1
      ? { ...block, channelData: block.channelData.slice(0, 1) }
      : block;
  const decodeChunk = async (chunk: Uint8Array): Promise<WasmDecodedAudio> => {
    if (format !== 'mp3' || !isMpg123Decodable(decoder)) return decoder.decode(chunk);
    // Sized from the frame count when the file declares one, else from the bit rate (exact for
    // CBR; a few frames' margin for what mpg123 carries between pieces); the arrays grow if short.
    const expected = declaredLeft || Math.ceil(chunk.length * samplesPerByte * 1.02) + 4 * 1152;
    const decoded = decodeMpg123(decoder, chunk, channels ?? 2, Math.min(expected, MAX_PRESIZED_SAMPLES));
    declaredLeft = Math.max(0, declaredLeft - decoded.samplesDecoded);
    return decoded;
  };
  return {
    async decode(chunk) {
      if (format === 'mp3' && channels === undefined) {
        const info = mp3StreamInfo(chunk);
        channels = info?.channels ?? 2;
        declaredLeft = (info?.declaredFrames ?? 0) * (info?.samplesPerFrame ?? 0);
        if (info?.bitRate && info.sampleRate) samplesPerByte = (8 * info.sampleRate) / info.bitRate;
      }
      const wasClean = clean;
      clean = false;
      const block = toBlock(await decodeChunk(chunk));
      clean = wasClean && block.errors.length === 0;
      return trim(block);
    },
    async flush() {
      const wasClean = clean;
      clean = false;
      const block = decoder.flush
        ? trim(toBlock(await decoder.flush()))
        : { channelData: [], sampleRate: 0, errors: [] };
      clean = wasClean && block.errors.length === 0;
      return block;
    },
    free() {
      if (freed) return;
      freed = true;
      if (!(clean && recycleMp3(decoder))) decoder.free();
    },
  };
}
