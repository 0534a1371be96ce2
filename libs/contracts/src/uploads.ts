// Upload results and the catalogue rows that own uploads (tracks, captures).
import Type, { type Static } from 'typebox';
import { PlainText } from './text';

export const UploadKind = Type.Union([
  Type.Literal('track-audio'),
  Type.Literal('capture-audio'),
  Type.Literal('playlog-csv'),
  Type.Literal('document'),
]);

export const UploadResult = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: UploadKind,
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  mimeType: Type.String(),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  sampleRate: Type.Union([Type.Integer(), Type.Null()]),
});
export type UploadResult = Static<typeof UploadResult>;

export const TrackCreateBody = Type.Object(
  {
    title: PlainText({ minLength: 1, maxLength: 200 }),
    isrc: Type.Optional(Type.String({ pattern: '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$' })),
  },
  { additionalProperties: false },
);
export type TrackCreateBody = Static<typeof TrackCreateBody>;

export const Track = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  isrc: Type.Union([Type.String(), Type.Null()]),
  audio: Type.Union([UploadResult, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Track = Static<typeof Track>;

export const Capture = Type.Object({
  id: Type.String({ format: 'uuid' }),
  chunkId: Type.String(),
  upload: Type.Union([UploadResult, Type.Null()]),
  capturedAt: Type.String({ format: 'date-time' }),
});
export type Capture = Static<typeof Capture>;

/** Multipart text fields of POST /api/station/captures (sent before the file part). */
export const CHUNK_ID_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';
