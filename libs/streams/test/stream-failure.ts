import { recordStream, StreamRecordError, type RecordStreamOptions } from '../src/index.ts';

/** The StreamRecordError a recording fails with (anything else fails the test). */
export async function recordingFailure(
  url: string,
  options: RecordStreamOptions,
): Promise<StreamRecordError> {
  const error = await recordStream(url, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StreamRecordError))
    throw new Error(`expected a StreamRecordError, got ${String(error)}`);
  return error;
}
