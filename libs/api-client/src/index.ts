export { createApiClient, DEFAULT_TIMEOUT_MS } from './create-api-client';
export type { ApiClient, ApiClientOptions, RequestOptions, RawRequestOptions } from './create-api-client';
export { ApiError, isApiError, serverMessageOf } from './api-error';
export type { ApiErrorKind, ApiErrorDetails } from './api-error';
export {
  DEFAULT_RETRY,
  RETRYABLE_METHODS,
  RETRYABLE_STATUS_CODES,
  backoffCeilingMs,
  fullJitter,
} from './retry-policy';
export type { RetryOptions } from './retry-policy';
export { DEFAULT_BREAKER, isServiceFailure } from './circuit-breaker';
export type { BreakerOptions } from './circuit-breaker';
export { createRequestId, REQUEST_ID_HEADER } from './request-id';
export { artistEndpoints } from './endpoints/artist-endpoints';
export {
  adminOperationsEndpoints,
  type AuditEntry,
  type AuditQuery,
} from './endpoints/admin-operations-endpoints';
export {
  stationEndpoints,
  type StationClass,
  type StationProfile,
  type StationProfileUpdate,
} from './endpoints/station-endpoints';
export { moneyEndpoints, type MoneyEndpoints, type MoneyRole } from './endpoints/money-endpoints';
export { publisherEndpoints, publisherInvitationEndpoints } from './endpoints/publisher-endpoints';
export { adminMoneyEndpoints, type StatementFormat, type UsageBy } from './endpoints/admin-money-endpoints';
