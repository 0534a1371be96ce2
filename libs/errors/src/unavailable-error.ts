// A dependency (database, Redis) cannot answer right now: the caller should
// retry shortly (503 with Retry-After), never see a 500.
import { AppError } from './app-error';

export class UnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', message, options);
    this.name = 'UnavailableError';
  }
}
