// The one factory the composition roots call: the adapter the config names,
// instrumented when metrics are given.
import type { StorageConfig } from '@zamio/env';
import { createFilesystemStorage } from './filesystem-storage';
import { instrumentStorage } from './instrumented-storage';
import type { ObjectStorage } from './object-storage';
import { createS3Storage } from './s3-storage';
import type { StorageMetrics } from './storage-metrics';

export function createStorage(
  config: StorageConfig,
  options: { metrics?: StorageMetrics } = {},
): ObjectStorage {
  const adapter = config.kind === 's3' ? createS3Storage(config) : createFilesystemStorage(config);
  return options.metrics ? instrumentStorage(adapter, options.metrics) : adapter;
}
