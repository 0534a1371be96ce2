// Why a recording failed, as a closed set the stream-monitoring job can count and show:
// everything except `aborted` (our own shutdown) is a failed check of the stream.
export const STREAM_RECORD_FAILURES = [
  'invalid-url',
  'forbidden-address',
  'unreachable',
  'timeout',
  'too-many-redirects',
  'http-status',
  'protocol',
  'not-audio',
  'ended-early',
  'too-large',
  'aborted',
] as const;
export type StreamRecordFailure = (typeof STREAM_RECORD_FAILURES)[number];

/** Which wait ran out, for `timeout`. */
export type TimeoutPhase = 'connect' | 'headers' | 'read' | 'total';

export interface StreamRecordErrorDetails {
  /** HTTP status, for `http-status`. */
  readonly status?: number;
  readonly phase?: TimeoutPhase;
  /** Audio seconds recorded before the failure (for `ended-early` and `too-large`). */
  readonly recordedSeconds?: number;
  readonly cause?: unknown;
}

export class StreamRecordError extends Error {
  override readonly name = 'StreamRecordError';
  readonly status: number | undefined;
  readonly phase: TimeoutPhase | undefined;
  readonly recordedSeconds: number | undefined;

  constructor(
    readonly reason: StreamRecordFailure,
    message: string,
    details: StreamRecordErrorDetails = {},
  ) {
    super(message, { cause: details.cause });
    this.status = details.status;
    this.phase = details.phase;
    this.recordedSeconds = details.recordedSeconds;
  }
}

/** Whether the failure says something about the stream (and so counts towards marking it down). */
export function isStreamFailure(error: unknown): boolean {
  return !(error instanceof StreamRecordError) || error.reason !== 'aborted';
}
