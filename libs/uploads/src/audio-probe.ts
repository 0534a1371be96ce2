// Probes stored audio with music-metadata (pure JS, no native build): it must
// parse, have a positive duration and a sample rate, and not be cut short.
import { parseFile } from 'music-metadata';
import { UploadRejectedError } from './upload-error';

export interface AudioInfo {
  durationMs: number;
  sampleRate: number;
  channels: number | undefined;
  codec: string | undefined;
}

// music-metadata reports a stream shorter than its headers declare as a
// quality warning rather than an error (e.g. a truncated WAV data chunk).
const TRUNCATION_WARNING = /exceeding file length|unexpected end|end of (file|stream)|truncat/i;

export async function probeAudio(path: string): Promise<AudioInfo> {
  let metadata;
  try {
    metadata = await parseFile(path, { duration: true, skipCovers: true });
  } catch (error) {
    throw new UploadRejectedError(422, `audio could not be decoded: ${(error as Error).message}`);
  }
  const { duration, sampleRate, numberOfChannels, codec } = metadata.format;
  if (!duration || !Number.isFinite(duration) || duration <= 0 || !sampleRate) {
    throw new UploadRejectedError(422, 'audio could not be decoded: no duration or sample rate found');
  }
  const truncated = metadata.quality.warnings.find((w) => TRUNCATION_WARNING.test(w.message));
  if (truncated) throw new UploadRejectedError(422, `audio is truncated: ${truncated.message}`);
  return { durationMs: Math.round(duration * 1000), sampleRate, channels: numberOfChannels, codec };
}
