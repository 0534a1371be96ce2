// One error type for the library so callers can branch on `code` rather than
// parsing messages. `field` names the offending input when there is one.
export type RoyaltyErrorCode =
  | 'invalid_timezone'
  | 'invalid_instant'
  | 'invalid_duration'
  | 'no_rate_table'
  | 'invalid_station_class'
  | 'invalid_splits'
  | 'invalid_amount'
  | 'invalid_decimal'
  | 'duplicate_play';

export class RoyaltyError extends Error {
  override readonly name = 'RoyaltyError';
  constructor(
    readonly code: RoyaltyErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A validation problem: `field` is a dotted path into the input (e.g. `rates.class_a.baseRateMicro`). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}
