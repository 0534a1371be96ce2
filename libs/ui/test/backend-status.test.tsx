import { QueryClient } from '@tanstack/react-query';
import type { HealthInfo, VersionInfo } from '@zamio/contracts';
import { describe, expect, it } from 'vitest';
import { BackendStatus, systemQueryKeys } from '../src/index';
import { renderToHtml, textByTestId } from '../testing/index';

const version: VersionInfo = {
  service: 'bff',
  version: '1.4.2',
  revision: 'abc1234',
  environment: 'staging',
  node: 'v24.9.0',
  startedAt: '2025-01-01T00:00:00.000Z',
};
const health: HealthInfo = {
  status: 'degraded',
  service: 'bff',
  version: '1.4.2',
  revision: 'abc1234',
  uptimeSeconds: 12,
  shuttingDown: false,
  checks: [
    { name: 'postgres', status: 'up', latencyMs: 3.2 },
    { name: 'redis', status: 'down', error: 'connection refused' },
  ],
};

describe('BackendStatus', () => {
  it('shows the bff version, revision, environment and every check', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(systemQueryKeys.version, version);
    queryClient.setQueryData(systemQueryKeys.health, health);
    const html = renderToHtml(<BackendStatus />, { queryClient });

    expect(textByTestId(html, 'bff-version')).toBe('1.4.2');
    expect(textByTestId(html, 'bff-revision')).toBe('abc1234');
    expect(textByTestId(html, 'bff-environment')).toBe('staging');
    expect(textByTestId(html, 'bff-health')).toBe('Degraded');
    expect(html).toContain('postgres');
    expect(html).toMatch(/data-status="down"[^>]*>Down</);
    expect(html).toContain('connection refused');
  });

  it('says "in-process" for the embedded stand-in instead of a latency', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(systemQueryKeys.version, version);
    queryClient.setQueryData(systemQueryKeys.health, {
      ...health,
      status: 'ok',
      checks: [
        { name: 'postgres', status: 'up', latencyMs: 3.2 },
        { name: 'redis', status: 'up', latencyMs: 0, inProcess: true },
      ],
    } satisfies HealthInfo);
    const html = renderToHtml(<BackendStatus />, { queryClient });
    expect(html).toContain('in-process');
    expect(html).not.toContain('0 ms');
    expect(html).toContain('3 ms');
  });

  it('says it is checking while nothing has loaded', () => {
    const html = renderToHtml(<BackendStatus />);
    expect(html).toContain('Checking the backend');
    expect(html).not.toContain('data-testid="bff-version"');
  });
});
