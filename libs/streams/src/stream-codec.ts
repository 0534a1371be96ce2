// What a stream carries, from its Content-Type (or, when the server does not say, its first
// bytes): the MIME type codec-parser frames it by, and the format libs/audio decodes it as.
import type { AudioFormat } from '@zamio/audio';

export type FramingType = 'audio/mpeg' | 'audio/aac' | 'application/ogg' | 'audio/flac';

const BY_CONTENT_TYPE: Readonly<Record<string, FramingType>> = {
  'audio/mpeg': 'audio/mpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/mpeg3': 'audio/mpeg',
  'audio/x-mpeg': 'audio/mpeg',
  'audio/aac': 'audio/aac',
  'audio/aacp': 'audio/aac',
  'audio/x-aac': 'audio/aac',
  'application/ogg': 'application/ogg',
  'audio/ogg': 'application/ogg',
  'audio/x-ogg': 'application/ogg',
  'audio/opus': 'application/ogg',
  'audio/vorbis': 'application/ogg',
  'audio/flac': 'audio/flac',
};

/** Content types that say nothing, so the bytes decide. */
const UNINFORMATIVE = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export type Framing =
  { readonly type: FramingType } | { readonly sniff: true } | { readonly refused: string };

export function framingOfContentType(header: string | undefined): Framing {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  const known = BY_CONTENT_TYPE[type];
  if (known) return { type: known };
  return UNINFORMATIVE.has(type) ? { sniff: true } : { refused: type };
}

/** Framing from the first audio bytes: an Ogg page, an ID3 tag, or an MPEG/ADTS frame sync. */
export function sniffFraming(head: Uint8Array): FramingType | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x4f, 0x67, 0x67, 0x53)) return 'application/ogg';
  if (starts(0x49, 0x44, 0x33)) return 'audio/mpeg';
  if (starts(0x66, 0x4c, 0x61, 0x43)) return 'audio/flac';
  for (let i = 0; i + 1 < Math.min(head.length, 8_192); i++) {
    if (head[i] !== 0xff || (head[i + 1]! & 0xe0) !== 0xe0) continue;
    // Layer bits 00 after a 12-bit sync is ADTS (AAC); anything else is an MPEG audio frame.
    return (head[i + 1]! & 0xf6) === 0xf0 ? 'audio/aac' : 'audio/mpeg';
  }
  return undefined;
}

export type StreamCodec = 'mpeg' | 'aac' | 'flac' | 'opus' | 'vorbis';

/** libs/audio's format for a codec as codec-parser names it (Ogg FLAC has none). */
export function audioFormatOfCodec(codec: StreamCodec, framing: FramingType): AudioFormat | undefined {
  switch (codec) {
    case 'mpeg':
      return 'mp3';
    case 'aac':
      return 'aac';
    case 'vorbis':
      return 'ogg-vorbis';
    case 'opus':
      return 'ogg-opus';
    case 'flac':
      return framing === 'audio/flac' ? 'flac' : undefined;
  }
}
