// The accounts feature sits beside the catalogue, not below it: the
// composition root passes this lookup in (from libs/accounts' users
// repository), so the catalogue can name an uploader and check a contributor
// or publisher account inside its own transaction.
import type { Queryable } from '@zamio/db';

export interface AccountSummary {
  id: string;
  displayName: string;
  role: 'artist' | 'station' | 'publisher' | 'admin';
  status: 'active' | 'pending' | 'disabled' | 'rejected';
}

export type AccountLookup = (db: Queryable, userId: string) => Promise<AccountSummary | undefined>;
