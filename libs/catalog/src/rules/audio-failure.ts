// A track's audio that cannot be fingerprinted, said so that the artist can
// act on it (the reason is shown beside the track).
import type { AudioDecodeFailure } from '@zamio/audio';

export const MIN_TRACK_SECONDS = 5;

export function audioFailureReason(reason: AudioDecodeFailure, detail: string): string {
  switch (reason) {
    case 'empty':
      return 'The audio file is empty. Upload the track again.';
    case 'unsupported-format':
      return 'This audio format is not supported. Upload WAV, MP3, FLAC, OGG (Vorbis/Opus) or AAC/M4A.';
    case 'decoder-unavailable':
      return 'This server cannot decode this format right now (AAC/M4A needs ffmpeg). Upload WAV, MP3, FLAC or OGG instead.';
    case 'corrupt':
      return `The audio file is damaged and could not be decoded (${detail}). Export it again and re-upload.`;
    case 'truncated':
      return 'The audio file ends early (the upload or export was cut off). Upload the complete file.';
    case 'too-long':
      return 'The track is longer than the 20 minutes a track may last.';
    case 'aborted':
      return 'Decoding was interrupted; it will be retried.';
  }
}
