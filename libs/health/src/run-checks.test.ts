import { describe, expect, it } from 'vitest';
import { healthReportOf, readinessOf, runChecks, type HealthCheck } from './index';

const check = (name: string, critical: boolean, run: HealthCheck['run'], timeoutMs = 200): HealthCheck => ({
  name,
  critical,
  timeoutMs,
  run,
});
const hang = () => new Promise<void>(() => undefined);

describe('runChecks', () => {
  it('bounds each check by its own timeout and never throws', async () => {
    const started = performance.now();
    const results = await runChecks([
      check('fast', true, async () => ({ version: 2 })),
      check('hung', true, hang, 100),
      check('broken', false, async () => Promise.reject(new Error('boom'))),
    ]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(results).toEqual([
      expect.objectContaining({ name: 'fast', status: 'up', details: { version: 2 } }),
      expect.objectContaining({ name: 'hung', status: 'down', error: 'timed out after 100 ms' }),
      expect.objectContaining({ name: 'broken', status: 'down', error: 'boom' }),
    ]);
  });

  it('readiness fails on critical checks and on shutdown only', async () => {
    const checks = [
      check('postgres', true, async () => undefined),
      check('redis', false, () => Promise.reject(new Error('down'))),
    ];
    const results = await runChecks(checks);
    expect(readinessOf(checks, results, false)).toMatchObject({ status: 'ready', failing: [] });
    expect(readinessOf(checks, results, true)).toMatchObject({ status: 'not_ready', failing: ['shutdown'] });
  });

  it('withholds error messages and details without the token', async () => {
    const checks = [
      check('postgres', true, () =>
        Promise.reject(new Error('password authentication failed for user "zamio"')),
      ),
    ];
    const results = await runChecks(checks);
    const identity = { service: 'bff', version: '1.0.0', revision: 'abc', startedAt: Date.now() - 5_000 };
    const anonymous = healthReportOf(identity, checks, results, false, false);
    expect(anonymous).toMatchObject({ status: 'down', service: 'bff', version: '1.0.0', uptimeSeconds: 5 });
    expect(JSON.stringify(anonymous)).not.toMatch(/password/);
    expect(healthReportOf(identity, checks, results, false, true).checks[0]).toMatchObject({
      error: expect.stringMatching(/password authentication/),
    });
  });
});
