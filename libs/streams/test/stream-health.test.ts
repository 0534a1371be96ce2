import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NEW_STREAM_HEALTH,
  recordStreamCheck,
  streamHealthFromChecks,
  type StreamHealth,
} from '../src/index.ts';

const DOWN_AFTER_3 = { downAfterFailures: 3, upAfterSuccesses: 1 };

describe('stream health', () => {
  it('stays unknown until a check says something, then goes up on the first success', () => {
    expect(streamHealthFromChecks([false, false])).toMatchObject({
      state: 'unknown',
      consecutiveFailures: 2,
    });
    const { health, changed } = recordStreamCheck(NEW_STREAM_HEALTH, true);
    expect(health).toEqual({ state: 'up', consecutiveFailures: 0, consecutiveSuccesses: 1 });
    expect(changed).toBe(true);
  });

  it('goes down after N consecutive failures, not before, and reports the change once', () => {
    const up: StreamHealth = { state: 'up', consecutiveFailures: 0, consecutiveSuccesses: 5 };
    const one = recordStreamCheck(up, false, DOWN_AFTER_3);
    const two = recordStreamCheck(one.health, false, DOWN_AFTER_3);
    const three = recordStreamCheck(two.health, false, DOWN_AFTER_3);
    const four = recordStreamCheck(three.health, false, DOWN_AFTER_3);
    expect([one, two, three, four].map((c) => [c.health.state, c.changed])).toEqual([
      ['up', false],
      ['up', false],
      ['down', true],
      ['down', false],
    ]);
  });

  it('a success in between resets the failure count', () => {
    expect(streamHealthFromChecks([true, false, false, true, false, false], DOWN_AFTER_3).state).toBe('up');
  });

  it('comes back up after the configured number of successes', () => {
    const rule = { downAfterFailures: 2, upAfterSuccesses: 2 };
    const down = streamHealthFromChecks([false, false], rule);
    expect(down.state).toBe('down');
    expect(streamHealthFromChecks([true], rule, down).state).toBe('down');
    expect(streamHealthFromChecks([true, true], rule, down).state).toBe('up');
  });

  it('matches a plain scan of the checks for any history (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (checks, n) => {
        let expected = 'unknown';
        let failures = 0;
        for (const ok of checks) {
          failures = ok ? 0 : failures + 1;
          if (ok) expected = 'up';
          else if (failures >= n) expected = 'down';
        }
        const health = streamHealthFromChecks(checks, { downAfterFailures: n, upAfterSuccesses: 1 });
        expect(health.state).toBe(expected);
        expect(health.consecutiveFailures).toBe(failures);
      }),
    );
  });

  it('refuses thresholds below one', () => {
    expect(() =>
      recordStreamCheck(NEW_STREAM_HEALTH, true, { downAfterFailures: 0, upAfterSuccesses: 1 }),
    ).toThrow(/downAfterFailures must be a positive integer/);
  });
});
