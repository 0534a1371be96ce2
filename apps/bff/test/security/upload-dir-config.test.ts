// UPLOAD_DIR must be an absolute path (a persistent volume) in production.
import { describe, expect, it } from 'vitest';
import { bffSchema, ConfigError, loadConfig } from '@zamio/env';

const production = {
  ZAMIO_ENV: 'production',
  DATABASE_URL: 'postgres://zamio:pw@db.internal:5432/zamio',
  REDIS_URL: 'redis://redis.internal:6379/0',
  SESSION_SECRET: 'Prod-Session-Secret-8c1f0a7e-2d94-4b1b-9f3e-1c2d3e4f5a6b',
  TRUST_PROXY: '10.0.1.0/24',
  PUBLIC_API_URL: 'https://api.zamio.example',
};

describe('UPLOAD_DIR in production', () => {
  it('defaults to an absolute volume path and refuses a relative one', () => {
    expect(loadConfig(bffSchema, production).UPLOAD_DIR).toBe('/var/lib/zamio/uploads');
    try {
      loadConfig(bffSchema, { ...production, UPLOAD_DIR: 'uploads' });
      expect.unreachable('a relative UPLOAD_DIR must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(String((error as Error).message)).toContain('UPLOAD_DIR');
    }
  });
});
