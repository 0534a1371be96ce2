// Query keys of the admin operations pages: an action invalidates its list by prefix.
export const usersQueryKey = ['admin', 'users'] as const;
export const stationsQueryKey = ['admin', 'stations'] as const;
export const auditQueryKey = ['admin', 'audit'] as const;
export const systemQueryKey = ['admin', 'system'] as const;

/** The status page refreshes itself this often. */
export const SYSTEM_REFRESH_MS = 15_000;

export const ROLE_OPTIONS = [
  { value: 'artist', label: 'Artist' },
  { value: 'station', label: 'Station' },
  { value: 'publisher', label: 'Publisher' },
  { value: 'admin', label: 'Admin' },
];

export const ACCOUNT_STATUS_OPTIONS = [
  { value: 'pending', label: 'Waiting for approval' },
  { value: 'active', label: 'Active' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'disabled', label: 'Disabled' },
];
