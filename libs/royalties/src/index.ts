// @zamio/royalties — pure royalty maths (no I/O, no clock, no env).
// Money is integer pesewas; rates are integer micro-GHS/s; multipliers basis points.
export { RoyaltyError, type FieldError, type RoyaltyErrorCode } from './errors.ts';
export { divideRoundHalfEven, formatMinorAsGhs, formatScaled, parseDecimalScaled } from './money.ts';
export { STATION_CLASSES, isStationClass, type StationClass } from './station-class.ts';
export { PERIODS, periodAtTimeOfDay, msUntilNextBoundary, type Period } from './periods.ts';
export { wallClockAt, assertTimeZone, type WallClock } from './zoned-time.ts';
export { segmentByPeriod, type PeriodSegment } from './segment-play.ts';
export {
  MICRO_PER_GHS,
  MULTIPLIER_SCALE,
  classRate,
  selectRateTable,
  startingRateTable,
  type ClassRate,
  type PeriodMultipliers,
  type RateTable,
} from './rate-table.ts';
export { validateRateTable, validateRateTables } from './validate-rate-table.ts';
export {
  calculatePlayRoyalty,
  type PlayInput,
  type PlayRoyalty,
  type PricedSegment,
} from './play-royalty.ts';
export { TOTAL_SPLIT_BP, payeeOf, validateSplits, type ContributorSplit } from './splits.ts';
export { aggregateByPayee, distributeAmount, type PayeeTotal, type SplitPart } from './distribute.ts';
export {
  buildCycleEntries,
  cycleTotalsByPayee,
  resolveDisputeEntries,
  statementLines,
  type CyclePlay,
  type DisputeOutcome,
  type LedgerEntry,
  type LedgerEntryKind,
  type PayeeCycleTotal,
  type StatementLine,
} from './ledger.ts';
export { reversalLegs, royaltyLegs, type PlayShareInput, type PostingLeg } from './play-postings.ts';

// Repositories (all SQL of the money tables) and services (use cases).
export type { Cycle, CycleStatus } from './repositories/cycles-repository.ts';
export { CYCLE_STATUSES } from './repositories/cycles-repository.ts';
export type { RateTableVersion } from './repositories/rate-tables-repository.ts';
export type { AccountBalance, AccountKind, EntryType, LedgerRow } from './repositories/ledger-repository.ts';
export type { Dispute, DisputeStatus } from './repositories/disputes-repository.ts';
export { DISPUTE_STATUSES } from './repositories/disputes-repository.ts';
export type { Payout, PayoutMethod, PayoutStatus } from './repositories/payouts-repository.ts';
export { PAYOUT_STATUSES } from './repositories/payouts-repository.ts';
export type {
  PublisherRelationship,
  RelationshipStatus,
} from './repositories/publisher-relationships-repository.ts';
export type { AuditEntry } from './repositories/audit-log-repository.ts';
export * as cyclesRepository from './repositories/cycles-repository.ts';
export * as ledgerRepository from './repositories/ledger-repository.ts';
export * as pricingRepository from './repositories/pricing-repository.ts';
export * as rateTablesRepository from './repositories/rate-tables-repository.ts';
export * as disputesRepository from './repositories/disputes-repository.ts';
export * as payoutsRepository from './repositories/payouts-repository.ts';
export * as publisherRelationshipsRepository from './repositories/publisher-relationships-repository.ts';
export * as auditLogRepository from './repositories/audit-log-repository.ts';
export * from './services/cycle-service.ts';
export * from './services/rate-table-service.ts';
export * from './services/statement-service.ts';
export type { Statement, StatementGroup, StatementRecipient } from './statements/statement.ts';
export type {
  StatementRow,
  UsageRow,
  RecipientTotal,
  AccountCycleEarning,
} from './repositories/ledger-repository.ts';
export * from './services/dispute-service.ts';
export * from './services/payout-service.ts';
export * from './services/publisher-service.ts';
export * from './services/audit-service.ts';
export type { SignedPlay, SignedTrack } from './repositories/publisher-relationships-repository.ts';
export { DISPUTE_SORTS, type DisputeSort } from './repositories/disputes-repository.ts';
export { PAYOUT_SORTS, type PayoutSort } from './repositories/payouts-repository.ts';
