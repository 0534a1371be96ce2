// The worker's own settings: the lost-work sweep runs every 15 s unless told
// otherwise, and an interval outside 1 s – 10 min is refused by name.
import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../config/load-app-config';
import { ConfigError } from '../problems';

const env = { ZAMIO_ENV: 'test', DATABASE_URL: 'pglite:memory', REDIS_URL: 'memory:' };

describe('lost-work sweep interval', () => {
  it('defaults to 15 s and takes a duration', () => {
    expect(loadWorkerConfig(env).jobs.lostWorkSweepMs).toBe(15_000);
    expect(loadWorkerConfig({ ...env, LOST_WORK_SWEEP_INTERVAL: '1m' }).jobs.lostWorkSweepMs).toBe(60_000);
  });

  it('refuses an interval below 1 s or above 10 minutes, naming the variable', () => {
    for (const value of ['500ms', '11m']) {
      let error: unknown;
      try {
        loadWorkerConfig({ ...env, LOST_WORK_SWEEP_INTERVAL: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        expect.objectContaining({
          variable: 'LOST_WORK_SWEEP_INTERVAL',
          problem: expect.stringMatching(/between 1s and 10m/),
        }),
      ]);
    }
  });
});
