// Every job the platform runs: its queue, name and payload type. Payloads
// always carry the request id that caused them, so the worker's log lines for
// a job join the bff's lines for the request.

export interface JobMeta {
  requestId: string;
}

export interface JobPayloads {
  'system.heartbeat': JobMeta & { origin: string };
  /** Price a royalty cycle's unpriced plays (idempotent, resumable). */
  'royalties.calculate-cycle': JobMeta & { cycleId: string };
}

export type JobName = keyof JobPayloads;
export type JobData<N extends JobName> = JobPayloads[N];

export type QueueName = 'system' | 'royalties';

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  'system.heartbeat': 'system',
  'royalties.calculate-cycle': 'royalties',
};
