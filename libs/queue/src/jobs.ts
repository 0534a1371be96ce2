// Every job the platform runs: its queue, name and payload type. Payloads
// always carry the request id that caused them, so the worker's log lines for
// a job join the bff's lines for the request.

export interface JobMeta {
  requestId: string;
}

export interface JobPayloads {
  'system.heartbeat': JobMeta & { origin: string };
  /** Fingerprint a track's audio (this upload: a job for replaced audio does nothing). */
  'catalog.fingerprint-track': JobMeta & { trackId: string; uploadId: string };
  /** Match a capture against the catalogue; the last failed attempt dead-letters it. */
  'airplay.match-capture': JobMeta & { captureId: string };
  /** Price a royalty cycle's unpriced plays (idempotent, resumable). */
  'royalties.calculate-cycle': JobMeta & { cycleId: string };
}

export type JobName = keyof JobPayloads;
export type JobData<N extends JobName> = JobPayloads[N];

export type QueueName = 'system' | 'fingerprint' | 'match' | 'royalties';

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  'system.heartbeat': 'system',
  'catalog.fingerprint-track': 'fingerprint',
  'airplay.match-capture': 'match',
  'royalties.calculate-cycle': 'royalties',
};
