// Redis (and so the queue) cannot take a job right now: answer 503 with
// Retry-After, never 500, and never wait for Redis to come back.
import { UnavailableError } from '@zamio/errors';

export class QueueUnavailableError extends UnavailableError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueUnavailableError';
  }
}
