// Query keys of the artist's money pages; a payout or dispute invalidates these prefixes.
export const earningsQueryKey = ['artist', 'earnings'] as const;
export const statementQueryKey = (cycleId: string) => ['artist', 'statement', cycleId] as const;
export const disputesQueryKey = ['artist', 'disputes'] as const;
export const payoutsQueryKey = ['artist', 'payouts'] as const;
export const publisherRelationshipsQueryKey = ['artist', 'publisher-relationships'] as const;
