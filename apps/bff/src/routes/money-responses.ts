// Maps the money side's domain records to their response shapes (libs/contracts/money).
import type {
  AuditEntry,
  Cycle,
  Dispute,
  Payout,
  PublisherRelationship,
  RateTableVersion,
  SignedPlay,
  SignedTrack,
  Statement,
} from '@zamio/royalties';
import type { Static } from 'typebox';
import type {
  AuditEntry as AuditBody,
  SignedPlay as SignedPlayBody,
  SignedTrack as SignedTrackBody,
} from '@zamio/contracts';
import type {
  Cycle as CycleBody,
  Dispute as DisputeBody,
  Payout as PayoutBody,
  PublisherRelationship as RelationshipBody,
  RateTableVersion as RateTableBody,
  Statement as StatementBody,
} from '@zamio/contracts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const rateTableBody = (v: RateTableVersion): RateTableBody => {
  const rate = (c: keyof RateTableVersion['rates']) => ({
    baseRateMicro: v.rates[c].baseRateMicro,
    primeBp: v.rates[c].multipliersBp.prime,
    regularBp: v.rates[c].multipliersBp.regular,
    offPeakBp: v.rates[c].multipliersBp.off_peak,
  });
  return {
    id: v.id,
    effectiveFrom: v.effectiveFrom.toISOString(),
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    pricedPlays: v.pricedPlays,
    rates: {
      class_a: rate('class_a'),
      class_b: rate('class_b'),
      class_c: rate('class_c'),
      online: rate('online'),
      community: rate('community'),
    },
  };
};

export const cycleBody = (c: Cycle): CycleBody => ({
  id: c.id,
  name: c.name,
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
  status: c.status,
  progress: { done: c.progressDone, total: c.progressTotal },
  lastError: c.lastError,
  openedAt: c.openedAt.toISOString(),
  calculatedAt: iso(c.calculatedAt),
  lockedAt: iso(c.lockedAt),
});

export const statementBody = (s: Statement): StatementBody => ({
  cycle: {
    id: s.cycle.id,
    name: s.cycle.name,
    periodStart: s.cycle.periodStart,
    periodEnd: s.cycle.periodEnd,
    status: s.cycle.status as StatementBody['cycle']['status'],
  },
  recipient: s.recipient,
  totals: s.totals,
  byTrack: s.byTrack.map(({ key, ...g }) => ({ id: key, ...g })),
  byStation: s.byStation.map(({ key, ...g }) => ({ id: key, ...g })),
  lines: s.lines.map((l) => ({
    playId: l.playId,
    startedAt: l.startedAt.toISOString(),
    seconds: l.durationMs / 1000,
    trackId: l.trackId,
    trackTitle: l.trackTitle,
    isrc: l.isrc,
    stationId: l.stationId,
    stationName: l.stationName,
    contributorName: l.contributorName,
    amountMinor: l.amountMinor,
    held: l.held,
  })),
});

export const disputeBody = (d: Dispute): DisputeBody => ({
  id: d.id,
  playId: d.playId,
  trackTitle: d.trackTitle,
  stationName: d.stationName,
  playStartedAt: d.playStartedAt.toISOString(),
  raisedBy: d.raisedBy,
  raisedByName: d.raisedByName,
  reason: d.reason,
  evidenceUploadId: d.evidenceUploadId,
  status: d.status,
  resolvedAt: iso(d.resolvedAt),
  resolutionNote: d.resolutionNote,
  createdAt: d.createdAt.toISOString(),
});

export const payoutBody = (p: Payout): PayoutBody => ({
  id: p.id,
  userId: p.userId,
  userName: p.userName,
  amountMinor: p.amountMinor,
  method: p.method,
  destination: p.destination,
  status: p.status,
  requestedAt: p.requestedAt.toISOString(),
  approvedAt: iso(p.approvedAt),
  paidAt: iso(p.paidAt),
  externalReference: p.externalReference,
  rejectedReason: p.rejectedReason,
});

export const relationshipBody = (r: PublisherRelationship): RelationshipBody => ({
  id: r.id,
  publisherId: r.publisherId,
  publisherName: r.publisherName,
  artistId: r.artistId,
  artistName: r.artistName,
  splitBp: r.splitBp,
  status: r.status,
  effectiveFrom: r.effectiveFrom.toISOString(),
  invitedAt: r.invitedAt.toISOString(),
  acceptedAt: iso(r.acceptedAt),
  endedAt: iso(r.endedAt),
});

export const signedTrackBody = (t: SignedTrack): Static<typeof SignedTrackBody> => ({
  trackId: t.trackId,
  title: t.title,
  isrc: t.isrc,
  status: t.status,
  artistId: t.artistId,
  artistName: t.artistName,
});

export const signedPlayBody = (p: SignedPlay): Static<typeof SignedPlayBody> => ({
  playId: p.playId,
  trackId: p.trackId,
  trackTitle: p.trackTitle,
  artistId: p.artistId,
  artistName: p.artistName,
  stationId: p.stationId,
  stationName: p.stationName,
  startedAt: p.startedAt.toISOString(),
  seconds: p.durationMs / 1000,
  status: p.status,
});

export const auditBody = (a: AuditEntry): Static<typeof AuditBody> => ({ ...a, at: a.at.toISOString() });

/** A keyset page of records as its response shape. */
export const pageBody = <T, B>(page: { items: T[]; nextCursor: string | null }, map: (item: T) => B) => ({
  items: page.items.map(map),
  nextCursor: page.nextCursor,
});
