// Binds a request id (and later the user) to everything that runs for one
// request or job, without threading it through every call.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContext {
  requestId: string;
  userId?: string;
  jobId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const runWithContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);
export const currentContext = (): RequestContext | undefined => storage.getStore();

// Accept a proxy's id only when it is short and plain, so a client cannot
// inject log lines or oversized values through the header.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const isValidRequestId = (value: unknown): value is string =>
  typeof value === 'string' && REQUEST_ID.test(value);

export const requestIdFrom = (header: unknown): string => (isValidRequestId(header) ? header : randomUUID());
