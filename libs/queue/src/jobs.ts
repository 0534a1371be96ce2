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
  /** Scheduled: queue a window recording for every active stream that is due. */
  'streams.queue-due-checks': JobMeta;
  /** Record one window of a station's stream, store it as a capture, queue its match. */
  'stream.record-window': JobMeta & { streamId: string };
  /** Price a royalty cycle's unpriced plays (idempotent, resumable). */
  'royalties.calculate-cycle': JobMeta & { cycleId: string };
}

export type JobName = keyof JobPayloads;
export type JobData<N extends JobName> = JobPayloads[N];

export type QueueName = 'system' | 'fingerprint' | 'match' | 'royalties' | 'streams';

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  'system.heartbeat': 'system',
  'catalog.fingerprint-track': 'fingerprint',
  'airplay.match-capture': 'match',
  'streams.queue-due-checks': 'streams',
  'stream.record-window': 'streams',
  'royalties.calculate-cycle': 'royalties',
};

/**
 * Jobs that stand for one unit of work in the database (a capture to match,
 * an upload to fingerprint): while a job of the same key is unfinished
 * (waiting, delayed, running), enqueueing it again adds nothing. So the
 * lost-work sweep can queue everything still pending as often as it likes,
 * and a bff enqueue that timed out but reached Redis is not doubled by it.
 */
export const JOB_DEDUPE_KEY: { readonly [N in JobName]?: (data: JobData<N>) => string } = {
  'catalog.fingerprint-track': (data) => `fingerprint-${data.trackId}-${data.uploadId}`,
  'airplay.match-capture': (data) => `match-${data.captureId}`,
};

/** The dedupe key of this job, when its kind has one. */
export function dedupeKeyOf<N extends JobName>(name: N, data: JobData<N>): string | undefined {
  const keyOf = JOB_DEDUPE_KEY[name] as ((d: JobData<N>) => string) | undefined;
  return keyOf?.(data);
}
