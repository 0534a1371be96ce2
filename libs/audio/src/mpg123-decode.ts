// mpg123-decoder's decode() (1.0.x) with the copying cut down. The library copies both
// channels of every read out of the WASM memory (mpg123 always outputs two, a mono stream
// duplicated) and then joins each channel's copies into a new array: four times the output
// allocated per file, a quarter of an MP3 capture's decode CPU and most of the garbage a
// matching worker makes. This loop makes the same calls on the library's own WASM instance
// and buffers (mpeg_decoder_feed, then mpeg_decoder_read until mpg123 needs more), but copies
// only the channels kept straight into one growing array per channel. The output is the
// library's sample for sample (libs/audio/test/decode-formats.test.ts compares the two).

/** The parts of an MPEGDecoder the loop uses; checked at run time (isMpg123Decodable). */
export interface Mpg123DecodeState {
  _common: {
    wasm: {
      mpeg_decoder_feed(decoder: number, input: number, length: number): number;
      mpeg_decoder_read(
        decoder: number,
        output: number,
        outputLength: number,
        samplesDecoded: number,
        sampleRate: number,
        errorString: number,
      ): number;
    };
    codeToString(pointer: number): string;
  };
  _decoder: number;
  _input: { ptr: number; len: number; buf: Uint8Array };
  _output: { ptr: number; len: number; buf: Float32Array };
  _samplesDecodedPtr: { ptr: number; buf: Uint32Array };
  _sampleRatePtr: { ptr: number; buf: Uint32Array };
  _errorStringPtr: { ptr: number; buf: Uint32Array };
  _inputBytes: number;
  _outputSamples: number;
  _frameNumber: number;
}

export function isMpg123Decodable(decoder: unknown): decoder is Mpg123DecodeState {
  const d = decoder as Partial<Mpg123DecodeState> | null;
  const cell = (
    c: { ptr?: unknown; buf?: unknown } | undefined,
    type: abstract new (...args: never[]) => unknown,
  ) => typeof c?.ptr === 'number' && c.buf instanceof type;
  return (
    typeof d?._decoder === 'number' &&
    typeof d._common?.wasm?.mpeg_decoder_feed === 'function' &&
    typeof d._common.wasm.mpeg_decoder_read === 'function' &&
    typeof d._common.codeToString === 'function' &&
    cell(d._input, Uint8Array) &&
    cell(d._output, Float32Array) &&
    cell(d._samplesDecodedPtr, Uint32Array) &&
    cell(d._sampleRatePtr, Uint32Array) &&
    cell(d._errorStringPtr, Uint32Array)
  );
}

export interface Mpg123Decoded {
  /** The kept channels, `samplesDecoded` long each. */
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  /** As the library reports them (frame number, input bytes and output samples so far). */
  errors: { message: string; frameNumber: number; inputBytes: number; outputSamples: number }[];
}

const MPG123_NEED_MORE = -10;
const MPG123_NEW_FORMAT = -11;

/**
 * Decodes the next piece of an MP3 stream, keeping the first `channels` (1 or 2) of mpg123's
 * two. `expectedSamples` sizes the output arrays up front (e.g. from the Xing frame count);
 * they grow when it is short.
 */
export function decodeMpg123(
  state: Mpg123DecodeState,
  data: Uint8Array,
  channels: 1 | 2,
  expectedSamples = 0,
): Mpg123Decoded {
  const { wasm } = state._common;
  const input = state._input;
  const output = state._output;
  let capacity = Math.max(expectedSamples, 0);
  let kept: Float32Array[] = Array.from({ length: channels }, () => new Float32Array(capacity));
  let samples = 0;
  const errors: Mpg123Decoded['errors'] = [];

  const keep = (decoded: number) => {
    if (samples + decoded > capacity) {
      capacity = Math.max(2 * capacity, samples + decoded, output.len / 2);
      kept = kept.map((channel) => {
        const grown = new Float32Array(capacity);
        grown.set(channel.subarray(0, samples));
        return grown;
      });
    }
    // mpg123's output is planar: channel c of this read is [c·decoded, (c + 1)·decoded).
    for (let c = 0; c < channels; c++)
      kept[c]!.set(output.buf.subarray(c * decoded, (c + 1) * decoded), samples);
    samples += decoded;
  };

  for (let at = 0, length = 0; at < data.length; at += length) {
    const chunk = data.subarray(at, at + input.len);
    length = chunk.length;
    state._inputBytes += length;
    input.buf.set(chunk);
    let error = wasm.mpeg_decoder_feed(state._decoder, input.ptr, length);
    if (error === MPG123_NEED_MORE) continue;
    for (;;) {
      state._samplesDecodedPtr.buf[0] = 0;
      error = wasm.mpeg_decoder_read(
        state._decoder,
        output.ptr,
        output.len,
        state._samplesDecodedPtr.ptr,
        state._sampleRatePtr.ptr,
        state._errorStringPtr.ptr,
      );
      const decoded = state._samplesDecodedPtr.buf[0]!;
      state._outputSamples += decoded;
      if (decoded) keep(decoded);
      if (error === MPG123_NEW_FORMAT) continue;
      if (error === MPG123_NEED_MORE) break;
      if (error) {
        errors.push({
          message: `${error} ${state._common.codeToString(state._errorStringPtr.buf[0]!)}`,
          frameNumber: state._frameNumber,
          inputBytes: state._inputBytes,
          outputSamples: state._outputSamples,
        });
      }
    }
  }
  return {
    channelData: kept.map((channel) => channel.subarray(0, samples)),
    samplesDecoded: samples,
    sampleRate: state._sampleRatePtr.buf[0]!,
    errors,
  };
}
