// Readiness includes storage: a process that cannot store or read uploads
// must not receive traffic. The probe's own deadline is the budget; the
// runner's timeout sits just above it so the typed timeout message wins.
import type { HealthCheck } from '@zamio/health';
import type { ObjectStorage } from './object-storage';

export function storageHealthCheck(storage: ObjectStorage, probeTimeoutMs: number): HealthCheck {
  return {
    name: 'storage',
    critical: true,
    timeoutMs: probeTimeoutMs + 250,
    run: async () => {
      await storage.probe();
      return { kind: storage.kind, location: storage.location };
    },
  };
}
