// Upload storage on /metrics: operations by outcome, their duration, and bytes
// written and read. The shape matches libs/uploads' StorageMetrics port, so
// instrumentStorage(storage, metrics.storage) wires it without this library
// importing the storage code.
import { Counter, Histogram, type Registry } from 'prom-client';

export interface StorageMetricsSink {
  operation(operation: string, outcome: string, seconds: number): void;
  bytes(direction: 'written' | 'read', count: number): void;
}

export function createStorageMetrics(registry: Registry): StorageMetricsSink {
  const operations = new Counter({
    name: 'zamio_storage_operations_total',
    help: 'Upload storage operations by operation (put, get, head, delete, sign, probe) and outcome (ok, not_found, unavailable, rejected, error).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'zamio_storage_operation_duration_seconds',
    help: 'Upload storage operation time (a put lasts as long as its upload streams in).',
    labelNames: ['operation'],
    buckets: [0.005, 0.025, 0.1, 0.5, 2, 10, 60],
    registers: [registry],
  });
  const bytes = new Counter({
    name: 'zamio_storage_bytes_total',
    help: 'Bytes committed to (written) and streamed out of (read) upload storage.',
    labelNames: ['direction'],
    registers: [registry],
  });
  return {
    operation(operation, outcome, seconds) {
      operations.inc({ operation, outcome });
      duration.observe({ operation }, seconds);
    },
    bytes: (direction, count) => bytes.inc({ direction }, count),
  };
}
