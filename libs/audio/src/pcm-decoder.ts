// The shape every codec adapter has: bytes in, in chunks of any size, planar float PCM out.
// Keeping it streaming is what bounds memory: only one chunk of input and its PCM are alive.

export interface PcmBlock {
  /** One Float32Array per channel, all the same length, samples in [-1, 1]. */
  readonly channelData: readonly Float32Array[];
  readonly sampleRate: number;
  /** Frames the decoder reported as damaged while producing this block. */
  readonly errors: readonly string[];
}

export interface PcmDecoder {
  /** Decode the next piece of the file; may return no samples while it waits for a whole frame. */
  decode(chunk: Uint8Array): Promise<PcmBlock>;
  /** End of input: whatever the decoder still holds. Throws AudioDecodeError when the file is cut short. */
  flush(): Promise<PcmBlock>;
  /** Release WASM memory or child processes; safe to call more than once. */
  free(): void;
}

export const EMPTY_BLOCK: PcmBlock = { channelData: [], sampleRate: 0, errors: [] };

export function blockFrames(block: PcmBlock): number {
  return block.channelData[0]?.length ?? 0;
}
