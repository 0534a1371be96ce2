// pg.Pool with bounded size and timeouts. A broken connection (server restart,
// pg_terminate_backend) is dropped by the pool and replaced on next use, so the
// process never needs a restart to recover.
import pg from 'pg';
import type { PostgresConfig } from '@zamio/env';
import {
  DatabaseUnavailableError,
  isConnectionError,
  type Database,
  type Queryable,
  type QueryResult,
} from './database';

export type PostgresSettings = Omit<PostgresConfig, 'kind' | 'startupDeadlineMs'> & DatabaseClientOptions;

export interface DatabaseClientOptions {
  /** Shown in pg_stat_activity: which process holds a connection. */
  applicationName: string;
  onPoolError?: (error: Error) => void;
}

export function createPostgresDatabase(settings: PostgresSettings): Database {
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.poolMax,
    idleTimeoutMillis: settings.idleTimeoutMs,
    // pg applies this both to opening a connection and to waiting for a free
    // one, so a request never waits longer than the smaller of the two.
    connectionTimeoutMillis: Math.min(settings.connectTimeoutMs, settings.acquireTimeoutMs),
    statement_timeout: settings.statementTimeoutMs,
    application_name: settings.applicationName,
    keepAlive: true,
  });
  // Idle clients whose server connection dies emit here; without a listener the
  // process would crash. The pool discards them and opens fresh ones on demand.
  pool.on('error', (error) => settings.onPoolError?.(error));

  const run = async <R>(
    client: Queryable | pg.Pool,
    text: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> => {
    try {
      const result = await (client as pg.Pool).query(text, params as unknown[] | undefined);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw wrap(error);
    }
  };

  const acquire = async (): Promise<pg.PoolClient> => {
    try {
      return await pool.connect();
    } catch (error) {
      throw wrap(error);
    }
  };

  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    async transaction(fn) {
      const client = await acquire();
      const tx: Queryable = { query: (text, params) => run(client as unknown as Queryable, text, params) };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release(isConnectionError(error) ? (error as Error) : undefined);
        throw wrap(error);
      }
    },
    async withConnection(fn) {
      const client = await acquire();
      let broken: Error | undefined;
      try {
        return await fn({ query: (text, params) => run(client as unknown as Queryable, text, params) });
      } catch (error) {
        if (isConnectionError(error)) broken = error as Error;
        throw error;
      } finally {
        client.release(broken);
      }
    },
    stats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: settings.poolMax,
    }),
    close: () => pool.end(),
  };
}

function wrap(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  if (isConnectionError(error))
    return new DatabaseUnavailableError(`database unavailable: ${(error as Error).message}`, {
      cause: error,
    });
  return error;
}
