import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger, isValidRequestId, requestIdFrom, runWithContext } from './index';

describe('request ids', () => {
  it('accepts short plain ids from the proxy and replaces anything else', () => {
    for (const good of ['abcd1234', 'req-1.2:3_4', 'a'.repeat(128)]) expect(requestIdFrom(good)).toBe(good);
    for (const bad of [
      'short',
      'has space 123',
      'a'.repeat(129),
      'x"}{"level":60',
      undefined,
      ['abcd1234'],
    ]) {
      expect(isValidRequestId(bad)).toBe(false);
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('binds the request id and job id of the context to every log line', () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()),
    });
    const logger = createLogger({ service: 'test', version: '0', level: 'info', pretty: false, destination });
    runWithContext({ requestId: 'req-abc-123', jobId: '42' }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', reqId: 'req-abc-123', jobId: '42', service: 'test' });
    expect(lines[1]).not.toHaveProperty('reqId');
  });
});
