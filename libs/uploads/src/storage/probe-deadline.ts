// Bounds a readiness probe: a hung NFS mount or a silent S3 endpoint must make
// the probe fail within its budget, not hang /readyz.
import { StorageUnavailableError } from './storage-errors';

export async function withinProbeDeadline<T>(
  timeoutMs: number,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new StorageUnavailableError('timeout', 'probe', `no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
