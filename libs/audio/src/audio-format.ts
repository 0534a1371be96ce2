// Which container/codec a file is, decided from its bytes with file-type (the same magic-number
// reader libs/uploads uses, so the upload allowlist and the decoder agree on MIME strings).
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';

export const AUDIO_FORMATS = ['wav', 'mp3', 'flac', 'ogg-vorbis', 'ogg-opus', 'm4a', 'aac'] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];

/** The MIME types file-type reports for each format (the first one is canonical). */
export const FORMAT_CONTENT_TYPES: Readonly<Record<AudioFormat, readonly string[]>> = {
  wav: ['audio/wav'],
  mp3: ['audio/mpeg'],
  flac: ['audio/flac'],
  'ogg-vorbis': ['audio/ogg'],
  'ogg-opus': ['audio/ogg; codecs=opus', 'audio/opus'],
  m4a: ['audio/x-m4a', 'audio/mp4'],
  aac: ['audio/aac'],
};

/** How messages name each format. */
export const FORMAT_LABELS: Readonly<Record<AudioFormat, string>> = {
  wav: 'WAV',
  mp3: 'MP3',
  flac: 'FLAC',
  'ogg-vorbis': 'Ogg Vorbis',
  'ogg-opus': 'Ogg Opus',
  m4a: 'M4A',
  aac: 'AAC',
};

export interface DetectedFormat {
  readonly format: AudioFormat;
  readonly contentType: string;
}

// file-type's extension is more precise than its MIME type: "ogg" (Vorbis) and "oga"
// (Ogg FLAC, unsupported) share audio/ogg.
const BY_EXTENSION: Readonly<Record<string, AudioFormat>> = {
  wav: 'wav',
  mp3: 'mp3',
  flac: 'flac',
  ogg: 'ogg-vorbis',
  opus: 'ogg-opus',
  m4a: 'm4a',
  aac: 'aac',
};

/** The format of a file (path) or of bytes (at least the first 4 KB), or undefined. */
export async function detectAudioFormat(input: string | Uint8Array): Promise<DetectedFormat | undefined> {
  const type = typeof input === 'string' ? await fileTypeFromFile(input) : await fileTypeFromBuffer(input);
  const format = type ? BY_EXTENSION[type.ext] : undefined;
  return format && type ? { format, contentType: type.mime } : undefined;
}

/** The format a MIME type (as file-type reports it) names, ignoring case and spacing. */
export function formatOfContentType(contentType: string): AudioFormat | undefined {
  const wanted = normalise(contentType);
  return AUDIO_FORMATS.find((format) =>
    FORMAT_CONTENT_TYPES[format].some((type) => normalise(type) === wanted),
  );
}

function normalise(contentType: string): string {
  return contentType.toLowerCase().replace(/\s+/g, '');
}
