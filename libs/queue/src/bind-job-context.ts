// Runs each job handler inside the request context of the request that
// enqueued it, so the worker's log lines carry the same request id.
import { runWithContext } from '@zamio/logger';
import type { JobName } from './jobs';
import type { JobHandler, JobHandlers } from './job-queue';

export function bindJobContext(handlers: JobHandlers): JobHandlers {
  const bound: JobHandlers = {};
  for (const name of Object.keys(handlers) as JobName[]) {
    const handler = handlers[name] as JobHandler<JobName>;
    (bound as Record<string, JobHandler<JobName>>)[name] = (data, context) =>
      runWithContext({ requestId: data.requestId, jobId: context.id }, () => handler(data, context));
  }
  return bound;
}
