// An artist's catalogue: tracks (facts, audio, fingerprint status) and their
// contributors and splits. Shares are basis points (10000 = 100 %) so a total
// is exact; the active shares of a track always total 10000.
import Type, { type Static } from 'typebox';
import { Paged, PageQueryFields } from './paging';
import { PlainText } from './text';
import { UploadResult } from './uploads';

/**
 * ISRC as typed by people: `CC-XXX-YY-NNNNN` with or without hyphens, any
 * case (stored and answered normalised: upper case, no hyphens).
 */
export const ISRC_PATTERN = '^[A-Za-z]{2}-?[A-Za-z0-9]{3}-?[0-9]{2}-?[0-9]{5}$';
export const Isrc = Type.String({ pattern: ISRC_PATTERN, description: 'ISRC, e.g. GH-A12-26-00001' });
/** A calendar day, `YYYY-MM-DD`. */
export const CalendarDay = Type.String({ format: 'date' });

/** draft: no audio yet; uploaded: fingerprint job queued; failed: see failureReason. */
export const TrackStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('uploaded'),
  Type.Literal('processing'),
  Type.Literal('ready'),
  Type.Literal('failed'),
]);
export type TrackStatus = Static<typeof TrackStatus>;

const TrackDetailsFields = {
  title: PlainText({ minLength: 1, maxLength: 200 }),
  isrc: Type.Optional(Type.Union([Isrc, Type.Null()])),
  album: Type.Optional(Type.Union([PlainText({ minLength: 1, maxLength: 200 }), Type.Null()])),
  genre: Type.Optional(Type.Union([PlainText({ minLength: 1, maxLength: 80 }), Type.Null()])),
  releaseDate: Type.Optional(Type.Union([CalendarDay, Type.Null()])),
};

export const TrackCreateBody = Type.Object(TrackDetailsFields, { additionalProperties: false });
export type TrackCreateBody = Static<typeof TrackCreateBody>;

/** PATCH /api/artist/tracks/:id — the descriptive fields (absent = unchanged). */
export const TrackUpdateBody = Type.Object(
  {
    title: Type.Optional(TrackDetailsFields.title),
    isrc: TrackDetailsFields.isrc,
    album: TrackDetailsFields.album,
    genre: TrackDetailsFields.genre,
    releaseDate: TrackDetailsFields.releaseDate,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TrackUpdateBody = Static<typeof TrackUpdateBody>;

export const Track = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  isrc: Type.Union([Type.String(), Type.Null()]),
  album: Type.Union([Type.String(), Type.Null()]),
  genre: Type.Union([Type.String(), Type.Null()]),
  releaseDate: Type.Union([CalendarDay, Type.Null()]),
  status: TrackStatus,
  /** Why fingerprinting failed, in words the artist can act on. */
  failureReason: Type.Union([Type.String(), Type.Null()]),
  /** From the decoded audio (null until the track is ready). */
  durationSeconds: Type.Union([Type.Number(), Type.Null()]),
  sampleRate: Type.Union([Type.Integer(), Type.Null()]),
  /** A withdrawn track never matches again. */
  withdrawnAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  audio: Type.Union([UploadResult, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Track = Static<typeof Track>;

export const TrackPage = Paged(Track);
export type TrackPage = Static<typeof TrackPage>;

export const TrackListQuery = Type.Object(
  {
    ...PageQueryFields,
    status: Type.Optional(TrackStatus),
    /** Part of the title, any case. */
    search: Type.Optional(PlainText({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type TrackListQuery = Static<typeof TrackListQuery>;

/** POST /api/artist/tracks/:id/withdrawal (withdrawn: false reinstates). */
export const TrackWithdrawalBody = Type.Object(
  { withdrawn: Type.Boolean() },
  { additionalProperties: false },
);
export type TrackWithdrawalBody = Static<typeof TrackWithdrawalBody>;

// ------------------------------------------------------------------ splits

export const ContributorRole = Type.Union([
  Type.Literal('artist'),
  Type.Literal('composer'),
  Type.Literal('producer'),
  Type.Literal('writer'),
  Type.Literal('featured_artist'),
  Type.Literal('mixer'),
  Type.Literal('engineer'),
]);
export type ContributorRole = Static<typeof ContributorRole>;

export const ShareBp = Type.Integer({
  minimum: 1,
  maximum: 10000,
  description: 'basis points: 10000 = 100 %',
});

/** A contributor is a registered account (userId) or a named outside party (name). */
export const ContributorRef = Type.Union([
  Type.Object({ userId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  Type.Object({ name: PlainText({ minLength: 1, maxLength: 120 }) }, { additionalProperties: false }),
]);
export type ContributorRef = Static<typeof ContributorRef>;

export const SplitInput = Type.Object(
  {
    contributor: ContributorRef,
    role: ContributorRole,
    shareBp: ShareBp,
    /** The publisher account the contributor is signed to (paid through it), if any. */
    publisherUserId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type SplitInput = Static<typeof SplitInput>;

/** PUT /api/artist/tracks/:id/splits — the whole new set; shares must total 10000 bp. */
export const SplitsPutBody = Type.Object(
  {
    splits: Type.Array(SplitInput, { minItems: 1, maxItems: 50 }),
    /** When the set takes effect (default: now). */
    effectiveFrom: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type SplitsPutBody = Static<typeof SplitsPutBody>;

export const Contributor = Type.Object({
  id: Type.String({ format: 'uuid' }),
  userId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  name: Type.String(),
  publisherUserId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
export type Contributor = Static<typeof Contributor>;

export const Split = Type.Object({
  contributorId: Type.String({ format: 'uuid' }),
  userId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  name: Type.String(),
  role: ContributorRole,
  shareBp: Type.Integer(),
  publisherUserId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
export type Split = Static<typeof Split>;

export const SplitSet = Type.Object({
  id: Type.String({ format: 'uuid' }),
  trackId: Type.String({ format: 'uuid' }),
  effectiveFrom: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  splits: Type.Array(Split),
});
export type SplitSet = Static<typeof SplitSet>;

/** GET /api/artist/tracks/:id/splits: the set in force now and every set, oldest first. */
export const TrackSplits = Type.Object({
  trackId: Type.String({ format: 'uuid' }),
  current: Type.Union([SplitSet, Type.Null()]),
  history: Type.Array(SplitSet),
});
export type TrackSplits = Static<typeof TrackSplits>;
