// MP3, FLAC, Ogg Vorbis and Ogg Opus through the wasm-audio-decoders family (MIT, WASM builds of
// mpg123, libFLAC, libvorbis and libopus): pure WASM, so they run in every runtime mode with no
// native build or system package. Each decoder is loaded on first use only.
import { mp3StreamInfo } from './declared-length.ts';
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

export async function createWasmDecoder(format: WasmFormat): Promise<PcmDecoder> {
  const decoder = await construct(format);
  await decoder.ready;
  let freed = false;
  // mpg123 always outputs two channels, a mono stream duplicated: keep one so the channel count is true.
  let channels: number | undefined;
  const trim = (block: PcmBlock): PcmBlock =>
    channels === 1 && block.channelData.length > 1
      ? { ...block, channelData: block.channelData.slice(0, 1) }
      : block;
  return {
    async decode(chunk) {
      if (format === 'mp3' && channels === undefined) channels = mp3StreamInfo(chunk)?.channels ?? 2;
      return trim(toBlock(await decoder.decode(chunk)));
    },
    async flush() {
      return decoder.flush
        ? trim(toBlock(await decoder.flush()))
        : { channelData: [], sampleRate: 0, errors: [] };
    },
    free() {
      if (freed) return;
      freed = true;
      decoder.free();
    },
  };
}
