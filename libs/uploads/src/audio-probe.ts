// Probes audio with music-metadata (pure JS, no native build): it must parse,
// have a positive duration and a sample rate, and not be cut short. The rules
// (`judgeAudio`) are shared by the file probe and the streaming probe gate.
import { parseFile, type IAudioMetadata } from 'music-metadata';
import { UploadRejectedError } from './upload-error';

export interface AudioInfo {
  durationMs: number;
  sampleRate: number;
  channels: number | undefined;
  codec: string | undefined;
}

/** Options every probe passes: duration computed, cover art skipped. */
export const PROBE_OPTIONS = { duration: true, skipCovers: true } as const;

// music-metadata reports a stream shorter than its headers declare as a
// quality warning rather than an error (e.g. a truncated WAV data chunk).
const TRUNCATION_WARNING = /exceeding file length|unexpected end|end of (file|stream)|truncat/i;

export const undecodable = (error: unknown) =>
  new UploadRejectedError(422, `audio could not be decoded: ${(error as Error).message}`);

/**
 * `totalBytes` is what actually arrived. A parser reading a stream cannot see
 * the end coming, so for uncompressed PCM (WAV, AIFF), whose header states the
 * audio's length, the header's promise is checked against the bytes received.
 */
export function judgeAudio(metadata: IAudioMetadata, totalBytes: number): AudioInfo {
  const { duration, sampleRate, numberOfChannels, codec, bitrate } = metadata.format;
  if (!duration || !Number.isFinite(duration) || duration <= 0 || !sampleRate) {
    throw new UploadRejectedError(422, 'audio could not be decoded: no duration or sample rate found');
  }
  const truncated = metadata.quality.warnings.find((w) => TRUNCATION_WARNING.test(w.message));
  if (truncated) throw new UploadRejectedError(422, `audio is truncated: ${truncated.message}`);
  if (codec && /^PCM/i.test(codec) && bitrate) {
    const promised = Math.floor((duration * bitrate) / 8);
    if (totalBytes < promised)
      throw new UploadRejectedError(
        422,
        `audio is truncated: the header promises ${promised} bytes of audio, only ${totalBytes} bytes arrived`,
      );
  }
  return { durationMs: Math.round(duration * 1000), sampleRate, channels: numberOfChannels, codec };
}

export async function probeAudio(path: string): Promise<AudioInfo> {
  let metadata;
  try {
    metadata = await parseFile(path, PROBE_OPTIONS);
  } catch (error) {
    throw undecodable(error);
  }
  // parseFile knows the file size and warns about truncation itself.
  return judgeAudio(metadata, Number.POSITIVE_INFINITY);
}
