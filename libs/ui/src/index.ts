// Shared React building blocks of the four ZamIO portals.

export {
  DEFAULT_RUNTIME_CONFIG,
  readRuntimeConfig,
  hasFeature,
  type RuntimeConfig,
} from './runtime-config/runtime-config';
export { RuntimeConfigProvider, useRuntimeConfig } from './runtime-config/runtime-config-context';
export { ApiClientProvider, useApiClient } from './api/api-client-context';

export { useTheme, type ThemeState } from './theme/use-theme';
export { ThemeToggle } from './theme/ThemeToggle';
export {
  THEME_STORAGE_KEY,
  resolveTheme,
  parseThemePreference,
  type Theme,
  type ThemePreference,
} from './theme/theme-preference';

export { AppShell, type AppShellProps } from './layout/AppShell';
export type { NavigationItem } from './layout/navigation';

export { Card, type CardProps } from './components/Card';
export {
  StatusBadge,
  toneOfStatus,
  labelOfStatus,
  type StatusBadgeProps,
  type StatusTone,
} from './components/StatusBadge';
export {
  Button,
  buttonClassName,
  type ButtonProps,
  type ButtonStyle,
  type ButtonVariant,
  type ButtonSize,
} from './components/Button';
export { EmptyState, type EmptyStateProps } from './components/EmptyState';
export { ErrorBanner, type ErrorBannerProps } from './components/ErrorBanner';
export { PlaceholderPage, type PlaceholderPageProps } from './components/PlaceholderPage';
export { PageLoading } from './components/PageLoading';

export { Field, type FieldProps, type FieldFrameProps, type FieldControlProps } from './forms/Field';
export { TextField, type TextFieldProps } from './forms/TextField';
export { PasswordField, type PasswordFieldProps } from './forms/PasswordField';
export { SelectField, type SelectFieldProps, type SelectOption } from './forms/SelectField';
export { DateField, type DateFieldProps } from './forms/DateField';
export {
  DateRangeField,
  dateRangeProblem,
  type DateRange,
  type DateRangeFieldProps,
} from './forms/DateRangeField';
export { NumberField, PercentField, MoneyField, type NumberFieldProps } from './forms/NumberField';
export { FileField, type FileFieldProps } from './forms/FileField';
export { fileProblem, type FileRules } from './forms/file-checks';
export {
  passwordRulesOf,
  passwordProblem,
  SERVER_PASSWORD_POLICY,
  type PasswordRule,
  type PasswordPolicy,
} from './forms/password-rules';
export { serverFormErrors, type ServerFormErrors, type ServerErrorMapping } from './forms/server-errors';

export { DataTable, type DataColumn, type DataTableProps } from './data/DataTable';
export {
  pageSearchParams,
  nextSort,
  type CursorPage,
  type CursorPageRequest,
  type SortState,
  type SortDirection,
} from './data/cursor-paging';
export { useCursorPages, type UseCursorPagesOptions, type CursorPagination } from './data/use-cursor-pages';

// Charts (Recharts) are at '@zamio/ui/charts', so pages without charts never load them, not even in dev.

export { uploadFile, isAbortError, type UploadRequest, type UploadProgress } from './upload/upload-file';
export {
  uploadFileResumably,
  RESUMABLE_CHUNK_BYTES,
  type ResumableUploadRequest,
} from './upload/resumable-upload';
export { useFileUpload, type FileUploadState, type UploadPhase } from './upload/use-file-upload';
export { FileUpload, type FileUploadProps } from './upload/FileUpload';
export { UploadProgressPanel, type UploadProgressPanelProps } from './upload/UploadProgressPanel';

export {
  formatGhs,
  parseGhsToPesewas,
  parsePercentToBasisPoints,
  formatBasisPoints,
  pesewasToDecimalString,
  PESEWAS_PER_CEDI,
  type MinorUnits,
} from './format/money';
export {
  formatDate,
  formatDateTime,
  formatDayShort,
  formatMonth,
  formatDuration,
  calendarDayIn,
  DEFAULT_TIME_ZONE,
  DEFAULT_LOCALE,
} from './format/dates';
export { formatBytes, formatCount, withArticle } from './format/numbers';

export { AudioPlayer, type AudioPlayerProps } from './media/AudioPlayer';

export { Dialog, DialogClose, type DialogProps } from './overlays/Dialog';
export { ConfirmDialog, type ConfirmDialogProps } from './overlays/ConfirmDialog';
export { Tabs, type TabItem, type TabsProps } from './overlays/Tabs';
export { notify, Toaster, type NotifyOptions } from './overlays/toasts';

export {
  LiveUpdatesClient,
  liveUrlOf,
  type LiveEvent,
  type LiveStatus,
  type LiveUpdatesOptions,
} from './live/live-updates-client';
export { bindLiveInvalidation, type LiveInvalidationMap } from './live/live-invalidation';
export {
  LiveUpdatesProvider,
  useLiveEvent,
  useLiveInvalidation,
  useLiveStatus,
} from './live/LiveUpdatesProvider';
export { LiveStatusBadge } from './live/LiveStatusBadge';

export { BackendStatus } from './system/BackendStatus';
export { RoleHomePage, type RoleHomePageProps } from './system/RoleHomePage';
export { SystemStatusPage } from './system/SystemStatusPage';
export { fetchHealth, fetchVersion, systemQueryKeys, HEALTH_REFRESH_MS } from './system/system-queries';

export {
  navigationOf,
  SIGN_UP_PATH,
  type PortalDefinition,
  type PortalPage,
  type PageModuleLoader,
} from './portal/portal-definition';
export { createPortalRoutes } from './portal/create-portal-routes';
export { createQueryClient } from './portal/create-query-client';
export { PortalProviders, type PortalProvidersProps } from './portal/PortalProviders';
export { PortalLayout } from './portal/PortalLayout';
export { mountPortal } from './portal/mount-portal';

export { SessionGate, type SessionGateProps } from './auth/SessionGate';
export { LoginPage, type LoginPageProps } from './auth/LoginPage';
export { SignUpPage, type SignUpPageProps } from './auth/SignUpPage';
export { AccountStatePage, type AccountStatePageProps } from './auth/AccountStatePage';
export { AuthLayout, type AuthLayoutProps } from './auth/AuthLayout';
export {
  blockedAccountOf,
  blockedAccountStateOf,
  type BlockedAccount,
  type BlockedAccountState,
} from './auth/account-state';
export { AccountMenu } from './auth/AccountMenu';
export { useSession, type SessionState } from './auth/session-context';
export { fetchSession, signIn, signOut, signUp, sessionQueryKey } from './auth/session-queries';
export { csrfHeadersFor, rememberCsrfToken } from './auth/csrf-token';

export { StatementView, type StatementViewProps, type StatementLine } from './money/StatementView';
export { StatementPageBody, type StatementPageBodyProps } from './money/StatementPageBody';
export { payoutListQuery, disputeListQuery } from './money/money-list-queries';
export { BalanceSummary } from './money/BalanceSummary';
export { availableToPayOut, shortfallOf, type Balance } from './money/balance-rules';
export { PayoutRequestForm, type PayoutRequestFormProps } from './money/PayoutRequestForm';
export {
  PAYOUT_METHOD_LABEL,
  amountProblem,
  destinationProblem,
  methodProblem,
  payoutBodyOf,
  type PayoutMethod,
  type PayoutValues,
} from './money/payout-rules';
export { DisputePlayDialog, type DisputePlayDialogProps, type DisputedPlay } from './money/DisputePlayDialog';
export { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, reasonProblem } from './money/dispute-rules';
export { earningsPerMonth } from './money/earnings-rules';
export {
  EarnerPayoutsTable,
  PAYOUT_STATE_OPTIONS,
  type EarnerPayoutsTableProps,
} from './money/EarnerPayoutsTable';
export {
  EarnerDisputesTable,
  DISPUTE_STATE_OPTIONS,
  type EarnerDisputesTableProps,
} from './money/EarnerDisputesTable';
export { StateFilter, type StateFilterProps } from './money/StateFilter';
