// What storage reports for /metrics, as a small interface: the server wires it
// to prom-client counters (see the README), tests and tools count in memory.
import type { StorageOperation } from './storage-errors';

export type StorageOutcome =
  /** Done. */
  | 'ok'
  /** The object did not exist (or the range was outside it). */
  | 'not_found'
  /** The store failed: StorageUnavailableError. */
  | 'unavailable'
  /** The body was refused on its way in (size cap, content type, audio probe, client gone). */
  | 'rejected'
  /** Anything else: a bug. */
  | 'error';

export type StorageDirection = 'written' | 'read';

export interface StorageMetrics {
  operation(operation: StorageOperation, outcome: StorageOutcome, seconds: number): void;
  /** Bytes committed by puts, and bytes streamed out by gets as they flow. */
  bytes(direction: StorageDirection, count: number): void;
}

export const noStorageMetrics: StorageMetrics = { operation: () => {}, bytes: () => {} };

export interface CountedStorageMetrics extends StorageMetrics {
  readonly operations: ReadonlyMap<`${StorageOperation}:${StorageOutcome}`, number>;
  readonly bytesTotal: Readonly<Record<StorageDirection, number>>;
}

/** Counts in memory: for tests, and for tools that print a summary. */
export function countingStorageMetrics(): CountedStorageMetrics {
  const operations = new Map<`${StorageOperation}:${StorageOutcome}`, number>();
  const bytesTotal: Record<StorageDirection, number> = { written: 0, read: 0 };
  return {
    operations,
    bytesTotal,
    operation(operation, outcome) {
      const key = `${operation}:${outcome}` as const;
      operations.set(key, (operations.get(key) ?? 0) + 1);
    },
    bytes(direction, count) {
      bytesTotal[direction] += count;
    },
  };
}
