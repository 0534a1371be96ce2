// Upload results (the stored file of a track, capture, playlog or document).
import Type, { type Static } from 'typebox';

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
