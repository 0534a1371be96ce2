// One error type for everything that can go wrong turning bytes into PCM; `reason` tells the
// caller what to answer: unsupported-format / decoder-unavailable are "we cannot take this"
// (HTTP 415), the rest are "this file is broken or too big" (HTTP 422).
export const AUDIO_DECODE_FAILURES = [
  'empty',
  'unsupported-format',
  'decoder-unavailable',
  'corrupt',
  'truncated',
  'too-long',
  'aborted',
] as const;
export type AudioDecodeFailure = (typeof AUDIO_DECODE_FAILURES)[number];

export class AudioDecodeError extends Error {
  override readonly name = 'AudioDecodeError';

  constructor(
    readonly reason: AudioDecodeFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
