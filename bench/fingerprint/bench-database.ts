// The Postgres pool both sides of the fingerprint bench open: small, as the worker's is (it
// shares its pool with the other jobs); only the statement timeout and the name differ.
import { createPostgresDatabase, type Database } from '@zamio/db';

export function openBenchDatabase(
  url: string,
  { statementTimeoutMs, applicationName }: { statementTimeoutMs: number; applicationName: string },
): Database {
  return createPostgresDatabase({
    url,
    poolMax: 2,
    idleTimeoutMs: 10_000,
    connectTimeoutMs: 10_000,
    acquireTimeoutMs: 60_000,
    statementTimeoutMs,
    applicationName,
  });
}
