// Too many requests: carries when to come back (Retry-After).
import { AppError } from './app-error';

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate-limited', `too many requests; retry in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}
