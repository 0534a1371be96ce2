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
export { StatusBadge, toneOfStatus, type StatusBadgeProps, type StatusTone } from './components/StatusBadge';
export { Table, type TableColumn, type TableProps } from './components/Table';
export { EmptyState, type EmptyStateProps } from './components/EmptyState';
export { ErrorBanner, type ErrorBannerProps } from './components/ErrorBanner';
export { PlaceholderPage, type PlaceholderPageProps } from './components/PlaceholderPage';
export { PageLoading } from './components/PageLoading';

export { BackendStatus } from './system/BackendStatus';
export { RoleHomePage, type RoleHomePageProps } from './system/RoleHomePage';
export { SystemStatusPage } from './system/SystemStatusPage';
export { fetchHealth, fetchVersion, systemQueryKeys, HEALTH_REFRESH_MS } from './system/system-queries';

export {
  navigationOf,
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
export { AccountMenu } from './auth/AccountMenu';
export { useSession, type SessionState } from './auth/session-context';
export { fetchSession, signIn, signOut, sessionQueryKey } from './auth/session-queries';
export { csrfHeadersFor, rememberCsrfToken } from './auth/csrf-token';
