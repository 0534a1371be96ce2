// Typed per-queue settings (after Twenty's worker settings): retries, backoff
// and how much history Redis keeps, chosen per kind of work.
import type { QueueName } from './jobs';

export interface QueueSettings {
  attempts: number;
  backoffMs: number;
  /** Completed jobs kept for inspection (count). */
  keepCompleted: number;
  /** Failed jobs kept for inspection (count). */
  keepFailed: number;
}

export const QUEUE_SETTINGS: { readonly [Q in QueueName]: QueueSettings } = {
  system: { attempts: 3, backoffMs: 1_000, keepCompleted: 100, keepFailed: 500 },
  // A track's audio is decoded once per attempt (seconds of CPU): few retries, spaced.
  fingerprint: { attempts: 3, backoffMs: 5_000, keepCompleted: 200, keepFailed: 1_000 },
  // A capture is small; transient failures (storage, database) get more, quicker tries.
  match: { attempts: 5, backoffMs: 1_000, keepCompleted: 500, keepFailed: 2_000 },
  // A calculation resumes where it stopped, so retrying is always safe.
  royalties: { attempts: 5, backoffMs: 5_000, keepCompleted: 100, keepFailed: 500 },
};

export const QUEUE_NAMES = Object.keys(QUEUE_SETTINGS) as QueueName[];
