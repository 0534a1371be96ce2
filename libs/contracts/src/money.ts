// The money side's request and response shapes: rate tables, cycles,
// statements, disputes, payouts, the publisher roster and the audit log.
// Amounts are integer pesewas (`…Minor`, GHS × 100); rates micro-GHS per
// second; multipliers and splits basis points (10000 = 1.0 / 100 %).
import Type, { type Static } from 'typebox';
import { DateRangeFields, Paged, PageQueryFields } from './paging';
import { PlainText } from './text';

const Id = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date', description: 'Local calendar day, YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Minor = Type.Integer({ description: 'pesewas (GHS × 100)' });
const Decimal = Type.String({ pattern: '^\\d+(\\.\\d+)?$', maxLength: 20 });
const classes = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Object(
    { class_a: t, class_b: t, class_c: t, online: t, community: t },
    { additionalProperties: false },
  );

// ----------------------------------------------------------- rate tables
export const ClassRate = Type.Object({
  baseRateMicro: Type.Integer({ description: 'micro-GHS per second' }),
  primeBp: Type.Integer(),
  regularBp: Type.Integer(),
  offPeakBp: Type.Integer(),
});
export const RateTableVersion = Type.Object({
  id: Id,
  effectiveFrom: Instant,
  note: Nullable(Type.String()),
  createdAt: Instant,
  pricedPlays: Type.Integer({ description: 'plays priced with it; a used version is frozen' }),
  rates: classes(ClassRate),
});
export type RateTableVersion = Static<typeof RateTableVersion>;

export const RateTableCreateBody = Type.Object(
  {
    effectiveFrom: Instant,
    note: Type.Optional(PlainText({ maxLength: 500 })),
    rates: classes(
      Type.Object(
        {
          baseRate: Type.String({
            pattern: '^\\d+(\\.\\d{1,6})?$',
            description: 'GHS per second, up to 6 decimals',
          }),
          prime: Decimal,
          regular: Decimal,
          offPeak: Decimal,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RateTableCreateBody = Static<typeof RateTableCreateBody>;

// ----------------------------------------------------------------- cycles
export const CycleStatusName = Type.Union([
  Type.Literal('open'),
  Type.Literal('calculating'),
  Type.Literal('calculated'),
  Type.Literal('locked'),
]);
export const Cycle = Type.Object({
  id: Id,
  name: Type.String(),
  periodStart: Day,
  periodEnd: Type.String({ format: 'date', description: 'exclusive' }),
  status: CycleStatusName,
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  lastError: Nullable(Type.String()),
  openedAt: Instant,
  calculatedAt: Nullable(Instant),
  lockedAt: Nullable(Instant),
});
export type Cycle = Static<typeof Cycle>;

export const CycleCreateBody = Type.Object(
  { name: PlainText({ minLength: 1, maxLength: 120 }), periodStart: Day, periodEnd: Day },
  { additionalProperties: false },
);
export type CycleCreateBody = Static<typeof CycleCreateBody>;

export const CycleListQuery = Type.Object(
  { status: Type.Optional(CycleStatusName) },
  { additionalProperties: false },
);

export const RecipientKind = Type.Union([Type.Literal('user'), Type.Literal('contributor')]);
export const CycleRecipient = Type.Object({
  kind: RecipientKind,
  id: Id,
  name: Type.String(),
  amountMinor: Minor,
  heldMinor: Minor,
});
export const RecipientParams = Type.Object(
  { id: Id, kind: RecipientKind, accountId: Id },
  { additionalProperties: false },
);

export const UsageQuery = Type.Object(
  { by: Type.Union([Type.Literal('station'), Type.Literal('work')]) },
  { additionalProperties: false },
);
export const UsageRow = Type.Object({
  id: Id,
  label: Type.String(),
  isrc: Nullable(Type.String()),
  plays: Type.Integer(),
  seconds: Type.Number(),
  amountMinor: Minor,
});

// ------------------------------------------------------------- statements
export const StatementFormatQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('pdf')], { default: 'json' }),
  },
  { additionalProperties: false },
);
const StatementGroup = Type.Object({
  id: Id,
  label: Type.String(),
  isrc: Nullable(Type.String()),
  plays: Type.Integer(),
  seconds: Type.Number(),
  payableMinor: Minor,
  heldMinor: Minor,
});
export const Statement = Type.Object({
  cycle: Type.Object({
    id: Id,
    name: Type.String(),
    periodStart: Day,
    periodEnd: Day,
    status: CycleStatusName,
  }),
  recipient: Type.Object({ kind: RecipientKind, id: Id, name: Type.String() }),
  totals: Type.Object({ payableMinor: Minor, heldMinor: Minor, totalMinor: Minor, plays: Type.Integer() }),
  byTrack: Type.Array(StatementGroup),
  byStation: Type.Array(StatementGroup),
  lines: Type.Array(
    Type.Object({
      playId: Id,
      startedAt: Instant,
      seconds: Type.Number(),
      trackId: Id,
      trackTitle: Type.String(),
      isrc: Nullable(Type.String()),
      stationId: Id,
      stationName: Type.String(),
      contributorName: Nullable(Type.String()),
      amountMinor: Minor,
      held: Type.Boolean(),
    }),
  ),
});
export type Statement = Static<typeof Statement>;

export const CycleEarning = Type.Object({
  cycleId: Id,
  cycleName: Type.String(),
  periodStart: Day,
  status: Type.String(),
  amountMinor: Minor,
  heldMinor: Minor,
});
export const Balance = Type.Object({
  earnedMinor: Minor,
  heldMinor: Minor,
  pendingMinor: Minor,
  committedMinor: Minor,
  availableMinor: Minor,
});
export const Earnings = Type.Object({ balance: Balance, cycles: Type.Array(CycleEarning) });
export type Earnings = Static<typeof Earnings>;

// --------------------------------------------------------------- disputes
export const DisputeStatusName = Type.Union([
  Type.Literal('open'),
  Type.Literal('upheld'),
  Type.Literal('rejected'),
]);
export const Dispute = Type.Object({
  id: Id,
  playId: Id,
  trackTitle: Type.String(),
  stationName: Type.String(),
  playStartedAt: Instant,
  raisedBy: Id,
  raisedByName: Type.String(),
  reason: Type.String(),
  evidenceUploadId: Nullable(Id),
  status: DisputeStatusName,
  resolvedAt: Nullable(Instant),
  resolutionNote: Nullable(Type.String()),
  createdAt: Instant,
});
export type Dispute = Static<typeof Dispute>;
export const DisputeCreateBody = Type.Object(
  {
    playId: Id,
    reason: PlainText({ minLength: 3, maxLength: 2000 }),
    evidenceUploadId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type DisputeCreateBody = Static<typeof DisputeCreateBody>;
export const DisputeResolveBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('upheld'), Type.Literal('rejected')]),
    note: Type.Optional(PlainText({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const DisputeResolution = Type.Object({ dispute: Dispute, reversedInCycleId: Nullable(Id) });
const Order = Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc' });
export const DisputeListQuery = Type.Object(
  {
    status: Type.Optional(DisputeStatusName),
    sort: Type.Union([Type.Literal('createdAt')], { default: 'createdAt' }),
    order: Order,
    ...PageQueryFields,
  },
  { additionalProperties: false },
);
export type DisputeListQuery = Static<typeof DisputeListQuery>;
export const DisputePage = Paged(Dispute);
export type DisputePage = Static<typeof DisputePage>;

// ---------------------------------------------------------------- payouts
export const PayoutStatusName = Type.Union([
  Type.Literal('requested'),
  Type.Literal('approved'),
  Type.Literal('paid'),
  Type.Literal('rejected'),
]);
export const PayoutMethodName = Type.Union([Type.Literal('mobile_money'), Type.Literal('bank')]);
export const Payout = Type.Object({
  id: Id,
  userId: Id,
  userName: Type.String(),
  amountMinor: Minor,
  method: PayoutMethodName,
  destination: Type.String(),
  status: PayoutStatusName,
  requestedAt: Instant,
  approvedAt: Nullable(Instant),
  paidAt: Nullable(Instant),
  externalReference: Nullable(Type.String()),
  rejectedReason: Nullable(Type.String()),
});
export type Payout = Static<typeof Payout>;
export const PayoutCreateBody = Type.Object(
  {
    amountMinor: Type.Integer({ minimum: 1, maximum: 1_000_000_000_00 }),
    method: PayoutMethodName,
    destination: PlainText({ minLength: 3, maxLength: 120 }),
  },
  { additionalProperties: false },
);
export type PayoutCreateBody = Static<typeof PayoutCreateBody>;
export const PayoutPaidBody = Type.Object(
  { externalReference: PlainText({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);
export const PayoutRejectBody = Type.Object(
  { reason: PlainText({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const PayoutListQuery = Type.Object(
  {
    status: Type.Optional(PayoutStatusName),
    sort: Type.Union([Type.Literal('requestedAt'), Type.Literal('amountMinor')], { default: 'requestedAt' }),
    order: Order,
    ...PageQueryFields,
  },
  { additionalProperties: false },
);
export type PayoutListQuery = Static<typeof PayoutListQuery>;
export const PayoutPage = Paged(Payout);
export type PayoutPage = Static<typeof PayoutPage>;

// -------------------------------------------------------------- publisher
export const RelationshipStatusName = Type.Union([
  Type.Literal('invited'),
  Type.Literal('active'),
  Type.Literal('declined'),
  Type.Literal('ended'),
]);
export const PublisherRelationship = Type.Object({
  id: Id,
  publisherId: Id,
  publisherName: Type.String(),
  artistId: Id,
  artistName: Type.String(),
  splitBp: Type.Integer(),
  status: RelationshipStatusName,
  effectiveFrom: Instant,
  invitedAt: Instant,
  acceptedAt: Nullable(Instant),
  endedAt: Nullable(Instant),
});
export type PublisherRelationship = Static<typeof PublisherRelationship>;
export const InviteArtistBody = Type.Object(
  {
    artistEmail: Type.String({ format: 'email', maxLength: 254 }),
    splitBp: Type.Integer({ minimum: 0, maximum: 10_000, description: "the publisher's part, basis points" }),
    effectiveFrom: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export type InviteArtistBody = Static<typeof InviteArtistBody>;
export const SignedTrack = Type.Object({
  trackId: Id,
  title: Type.String(),
  isrc: Nullable(Type.String()),
  status: Type.String(),
  artistId: Id,
  artistName: Type.String(),
});
export type SignedTrack = Static<typeof SignedTrack>;
export const SignedTrackPage = Paged(SignedTrack);
export type SignedTrackPage = Static<typeof SignedTrackPage>;
/** GET /api/publisher/catalog: the signed artists' tracks, by title (default) or newest. */
export const CatalogListQuery = Type.Object(
  {
    artist: Type.Optional(Id),
    sort: Type.Union([Type.Literal('title'), Type.Literal('createdAt')], { default: 'title' }),
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' }),
    ...PageQueryFields,
  },
  { additionalProperties: false },
);
export type CatalogListQuery = Static<typeof CatalogListQuery>;

export const SignedPlay = Type.Object({
  playId: Id,
  trackId: Id,
  trackTitle: Type.String(),
  artistId: Id,
  artistName: Type.String(),
  stationId: Id,
  stationName: Type.String(),
  startedAt: Instant,
  seconds: Type.Number(),
  status: Type.String(),
});
export type SignedPlay = Static<typeof SignedPlay>;
export const SignedPlayPage = Paged(SignedPlay);
export type SignedPlayPage = Static<typeof SignedPlayPage>;
const SignedPlayFilterFields = {
  artist: Type.Optional(Id),
  track: Type.Optional(Id),
  station: Type.Optional(Id),
  ...DateRangeFields,
};
/** GET /api/publisher/plays: filters, `from` inclusive / `to` exclusive, newest first by default. */
export const SignedPlayListQuery = Type.Object(
  {
    ...SignedPlayFilterFields,
    sort: Type.Union([Type.Literal('startedAt'), Type.Literal('seconds')], { default: 'startedAt' }),
    order: Order,
    ...PageQueryFields,
  },
  { additionalProperties: false },
);
export type SignedPlayListQuery = Static<typeof SignedPlayListQuery>;
/** GET /api/publisher/plays/summary: the same filters, active plays per station. */
export const SignedPlaysSummaryQuery = Type.Object(SignedPlayFilterFields, { additionalProperties: false });
export type SignedPlaysSummaryQuery = Static<typeof SignedPlaysSummaryQuery>;
export const SignedPlaysSummary = Type.Object({
  perStation: Type.Array(
    Type.Object({ stationId: Id, station: Type.String(), plays: Type.Integer(), seconds: Type.Number() }),
  ),
});
export type SignedPlaysSummary = Static<typeof SignedPlaysSummary>;

// -------------------------------------------------------------- audit log
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  at: Instant,
});
export const AuditQuery = Type.Object(
  {
    subjectType: Type.Optional(PlainText({ maxLength: 60 })),
    subjectId: Type.Optional(PlainText({ maxLength: 80 })),
    before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);

// Named types of the shapes the portals read (money pages).
export type ClassRate = Static<typeof ClassRate>;
export type CycleStatusName = Static<typeof CycleStatusName>;
export type CycleRecipient = Static<typeof CycleRecipient>;
export type RecipientKind = Static<typeof RecipientKind>;
export type UsageRow = Static<typeof UsageRow>;
export type CycleEarning = Static<typeof CycleEarning>;
export type Balance = Static<typeof Balance>;
export type DisputeStatusName = Static<typeof DisputeStatusName>;
export type DisputeResolveBody = Static<typeof DisputeResolveBody>;
export type DisputeResolution = Static<typeof DisputeResolution>;
export type PayoutStatusName = Static<typeof PayoutStatusName>;
export type PayoutMethodName = Static<typeof PayoutMethodName>;
