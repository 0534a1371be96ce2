// What each kind of upload may be: its size cap (from env), the content
// types allowed (decided from magic bytes, never names or client MIME types),
// whether audio must decode, and how many files/fields one request may carry.
export const UPLOAD_KINDS = ['track-audio', 'capture-audio', 'playlog-csv', 'document'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** MIME types as file-type reports them. */
const AUDIO_TYPES = [
  'audio/mpeg',
  'audio/wav',
  'audio/flac',
  'audio/ogg',
  'audio/x-m4a',
  'audio/aac',
  'audio/opus',
  'audio/aiff',
  'audio/webm',
];
const DOCUMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'];
/** Plain text has no magic bytes: the sniffer checks it is UTF-8 without control bytes instead. */
export const TEXT_CSV = 'text/csv';

export interface UploadKindRule {
  kind: UploadKind;
  maxBytes: number;
  allowedTypes: readonly string[];
  probeAudio: boolean;
  maxFiles: number;
  maxFields: number;
  maxFieldBytes: number;
}

export type UploadCaps = Record<UploadKind, number>;

export function uploadRules(caps: UploadCaps): Record<UploadKind, UploadKindRule> {
  return {
    'track-audio': {
      kind: 'track-audio',
      maxBytes: caps['track-audio'],
      allowedTypes: AUDIO_TYPES,
      probeAudio: true,
      maxFiles: 1,
      maxFields: 4,
      maxFieldBytes: 1_024,
    },
    'capture-audio': {
      kind: 'capture-audio',
      maxBytes: caps['capture-audio'],
      allowedTypes: AUDIO_TYPES,
      probeAudio: true,
      maxFiles: 1,
      maxFields: 4,
      maxFieldBytes: 256,
    },
    'playlog-csv': {
      kind: 'playlog-csv',
      maxBytes: caps['playlog-csv'],
      allowedTypes: [TEXT_CSV],
      probeAudio: false,
      maxFiles: 1,
      maxFields: 2,
      maxFieldBytes: 256,
    },
    document: {
      kind: 'document',
      maxBytes: caps.document,
      allowedTypes: DOCUMENT_TYPES,
      probeAudio: false,
      maxFiles: 1,
      maxFields: 2,
      maxFieldBytes: 256,
    },
  };
}
