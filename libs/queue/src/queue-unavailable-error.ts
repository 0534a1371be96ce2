// Redis (and so the queue) cannot take a job right now: answer 503 with
// Retry-After, never 500, and never wait for Redis to come back.
export class QueueUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueUnavailableError';
  }
}
