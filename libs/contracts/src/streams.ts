// Stations' monitored streams: registering a URL, and each stream's state as
// the scheduled checks leave it (shown to the station and to admins).
import Type, { type Static } from 'typebox';
import { PageCursor } from './paging';
import { PLAIN_TEXT_PATTERN, PlainText } from './text';

export const StreamState = Type.Union([Type.Literal('unknown'), Type.Literal('up'), Type.Literal('down')]);
export type StreamState = Static<typeof StreamState>;

export const StreamCreateBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2048,
      // Scheme, host and address are checked by the stream service, with messages that say which.
      pattern: PLAIN_TEXT_PATTERN,
      description:
        'http(s) URL of an Icecast/HTTP MP3 or Ogg stream; a private mount may carry user:password@',
    }),
    label: Type.Optional(Type.Union([PlainText({ maxLength: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type StreamCreateBody = Static<typeof StreamCreateBody>;

export const Stream = Type.Object({
  id: Type.String({ format: 'uuid' }),
  stationId: Type.String({ format: 'uuid' }),
  /** As registered, with a private mount's password masked. */
  url: Type.String(),
  label: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  state: StreamState,
  consecutiveFailures: Type.Integer(),
  lastCheckedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  stateChangedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Stream = Static<typeof Stream>;

export const AdminStreamListQuery = Type.Object(
  {
    state: Type.Optional(StreamState),
    stationId: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(PageCursor),
  },
  { additionalProperties: false },
);
export type AdminStreamListQuery = Static<typeof AdminStreamListQuery>;

export const StreamPage = Type.Object({
  items: Type.Array(Stream),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type StreamPage = Static<typeof StreamPage>;
