import { describe, expect, it } from 'vitest';
import {
  AppError,
  conflict,
  ERROR_KINDS,
  forbidden,
  httpStatusOf,
  invalid,
  notFound,
  RateLimitedError,
  reasonPhraseOf,
  unauthenticated,
  UnavailableError,
} from '../src/index';

describe('error kinds and HTTP status codes', () => {
  it('maps every kind to its status', () => {
    expect(
      [invalid('x'), unauthenticated(), forbidden(), notFound(), conflict('x')].map(httpStatusOf),
    ).toEqual([400, 401, 403, 404, 409]);
    expect(httpStatusOf(new RateLimitedError(3))).toBe(429);
    expect(httpStatusOf(new UnavailableError('db down'))).toBe(503);
    for (const kind of ERROR_KINDS) expect(httpStatusOf(new AppError(kind, 'x'))).toBeGreaterThanOrEqual(400);
  });

  it("keeps a library error's own 4xx/5xx statusCode and turns everything else into 500", () => {
    expect(httpStatusOf(Object.assign(new Error('too large'), { statusCode: 413 }))).toBe(413);
    expect(httpStatusOf(Object.assign(new Error('odd'), { statusCode: 302 }))).toBe(500);
    expect(httpStatusOf(new Error('boom'))).toBe(500);
    expect(httpStatusOf('not an error')).toBe(500);
    expect(httpStatusOf(null)).toBe(500);
  });

  it('names the status for the error body', () => {
    expect(reasonPhraseOf(404)).toBe('Not Found');
    expect(reasonPhraseOf(418)).toBe('Client Error');
    expect(reasonPhraseOf(599)).toBe('Server Error');
  });

  it('says when to come back after a rate limit', () => {
    const error = new RateLimitedError(7);
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.message).toContain('7 s');
  });
});
