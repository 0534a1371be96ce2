// Playlog CSV uploads: the row-by-row report, the imported rows, and the
// reconciliation of a playlog against the plays detected over its hours.
import { PageCursor } from './paging';
import Type, { type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Multipart text field sent before the file: `true` imports the valid rows of a file with errors. */
export const PLAYLOG_IMPORT_VALID_ROWS_FIELD = 'import_valid_rows';

export const PlaylogRowProblem = Type.Object({
  /** The column (title, artist, isrc, played_at, duration) or `row` for the row as a whole. */
  field: Type.String(),
  message: Type.String(),
});

export const PlaylogRejectedRow = Type.Object({
  /** Line of the CSV file (the header is line 1). */
  row: Type.Integer(),
  problems: Type.Array(PlaylogRowProblem),
});
export type PlaylogRejectedRow = Static<typeof PlaylogRejectedRow>;

export const Playlog = Type.Object({
  id: Uuid,
  rowCount: Type.Integer(),
  importedCount: Type.Integer(),
  /** Rows left out (only with import_valid_rows=true; otherwise a file with errors is not imported). */
  rejectedRows: Type.Array(PlaylogRejectedRow),
  firstPlayedAt: Nullable(DateTime),
  lastEndedAt: Nullable(DateTime),
  createdAt: DateTime,
});
export type Playlog = Static<typeof Playlog>;

/** 422: the file has rows with errors and nothing was imported. */
export const PlaylogRejected = Type.Object({
  statusCode: Type.Literal(422),
  error: Type.String(),
  message: Type.String(),
  rowCount: Type.Integer(),
  validCount: Type.Integer(),
  rejectedRows: Type.Array(PlaylogRejectedRow),
});
export type PlaylogRejected = Static<typeof PlaylogRejected>;

export const PlaylogEntry = Type.Object({
  id: Uuid,
  row: Type.Integer(),
  title: Type.String(),
  artist: Type.String(),
  isrc: Nullable(Type.String()),
  playedAt: DateTime,
  durationSeconds: Type.Number(),
  /** The catalogue track with the row's ISRC, if any. */
  trackId: Nullable(Uuid),
});
export type PlaylogEntry = Static<typeof PlaylogEntry>;

export const PlaylogDetail = Type.Object({ playlog: Playlog, entries: Type.Array(PlaylogEntry) });
export type PlaylogDetail = Static<typeof PlaylogDetail>;

export const PlaylogListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(PageCursor),
  },
  { additionalProperties: false },
);
export type PlaylogListQuery = Static<typeof PlaylogListQuery>;

export const PlaylogPage = Type.Object({ items: Type.Array(Playlog), nextCursor: Nullable(Type.String()) });
export type PlaylogPage = Static<typeof PlaylogPage>;

export const ReconciledPlay = Type.Object({
  id: Uuid,
  trackId: Uuid,
  trackTitle: Type.String(),
  startedAt: DateTime,
  endedAt: DateTime,
  durationSeconds: Type.Number(),
});
export type ReconciledPlay = Static<typeof ReconciledPlay>;

export const PlaylogReconciliationQuery = Type.Object(
  {
    /** Slack on each side of a row's time span when looking for its play. */
    toleranceMinutes: Type.Integer({ minimum: 0, maximum: 120, default: 5 }),
  },
  { additionalProperties: false },
);
export type PlaylogReconciliationQuery = Static<typeof PlaylogReconciliationQuery>;

export const PlaylogReconciliation = Type.Object({
  playlog: Playlog,
  toleranceMinutes: Type.Integer(),
  summary: Type.Object({
    matched: Type.Integer(),
    onlyInPlaylog: Type.Integer(),
    onlyDetected: Type.Integer(),
  }),
  matched: Type.Array(
    Type.Object({ entry: PlaylogEntry, play: ReconciledPlay, startDifferenceSeconds: Type.Number() }),
  ),
  /** unknownTrack: no catalogue track has the row's ISRC (or it has none), so no play could answer it. */
  onlyInPlaylog: Type.Array(Type.Object({ entry: PlaylogEntry, unknownTrack: Type.Boolean() })),
  onlyDetected: Type.Array(ReconciledPlay),
});
export type PlaylogReconciliation = Static<typeof PlaylogReconciliation>;
