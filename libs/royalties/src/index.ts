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
