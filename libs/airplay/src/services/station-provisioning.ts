// A station account comes with its station: the row is created in the same
// transaction as the account (passed to libs/accounts as its
// account-created hook by the composition root).
import type { Queryable } from '@zamio/db';
import * as stations from '../repositories/stations-repository';

export async function provisionStation(
  tx: Queryable,
  account: { id: string; role: string; displayName: string },
): Promise<void> {
  if (account.role === 'station')
    await stations.insert(tx, { ownerUserId: account.id, name: account.displayName });
}
