// What the upload form checks before anything is sent (the bff checks again).

/** "gh-a01-26-00001 " → "GHA012600001": ISRCs are compared without hyphens or spaces, upper case. */
export const normaliseIsrc = (input: string): string => input.replace(/[\s-]+/g, '').toUpperCase();

const ISRC = /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;

/** A message naming what is wrong with an ISRC, or undefined when it is well-formed (or left empty). */
export function isrcProblem(input: string): string | undefined {
  const isrc = normaliseIsrc(input);
  if (isrc === '') return undefined;
  if (isrc.length !== 12)
    return `An ISRC has 12 characters (e.g. GH-A01-26-00001); this one has ${isrc.length}`;
  if (!ISRC.test(isrc))
    return 'An ISRC is a 2-letter country code, a 3-character registrant code, 2 digits of year and 5 digits (e.g. GH-A01-26-00001)';
  return undefined;
}

/** Audio the bff decodes: WAV, MP3, FLAC, Ogg Vorbis/Opus, AAC/M4A. */
export const TRACK_AUDIO_ACCEPT =
  '.wav,.mp3,.flac,.ogg,.oga,.opus,.m4a,.aac,audio/wav,audio/x-wav,audio/mpeg,audio/flac,audio/ogg,audio/opus,audio/mp4,audio/aac';

export const TRACK_AUDIO_MAX_BYTES = 200 * 1024 * 1024;

export const GENRES = [
  'Afrobeats',
  'Highlife',
  'Hiplife',
  'Gospel',
  'Reggae / Dancehall',
  'Hip hop',
  'R&B',
  'Drill',
  'Amapiano',
  'Traditional',
  'Jazz',
  'Other',
] as const;
