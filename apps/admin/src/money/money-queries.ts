// Query keys of the admin's money pages; actions invalidate by these prefixes.
export const rateTablesQueryKey = ['admin', 'rate-tables'] as const;
export const cyclesQueryKey = ['admin', 'cycles'] as const;
export const cycleQueryKey = (cycleId: string) => ['admin', 'cycles', cycleId] as const;
export const disputesQueryKey = ['admin', 'disputes'] as const;
export const payoutsQueryKey = ['admin', 'payouts'] as const;
