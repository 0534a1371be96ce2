// The database as the rest of the code sees it: one interface over a pooled
// PostgreSQL server (production, compose) and embedded PGlite (`npm start`),
// which run the very same SQL and migrations.
import { UnavailableError } from '@zamio/errors';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` with one dedicated connection (session-level locks, LISTEN). */
  withConnection<T>(fn: (connection: Queryable) => Promise<T>): Promise<T>;
  stats(): PoolStats;
  close(): Promise<void>;
}

/** The database cannot be reached or no connection was free in time: answer 503, not 500. */
export class DatabaseUnavailableError extends UnavailableError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

// Connection-level failures (as opposed to a bad query): node errno codes,
// pg's own timeouts, and PostgreSQL's class 08 / 57P0x admin shutdown codes.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
    error.message,
  );
}
