// X-Forwarded-* is honoured only from TRUST_PROXY peers: the client IP and
// scheme are taken from a trusted proxy and ignored from anyone else.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBff, type TestBff } from '../support/start-test-bff';

const spoofed = {
  'X-Forwarded-For': '203.0.113.7',
  'X-Forwarded-Proto': 'http',
  'X-Forwarded-Host': 'portal.zamio.example',
};

describe('forwarded headers and HTTPS policy', () => {
  let bff: TestBff | undefined;
  afterEach(async () => {
    await bff?.stop();
    bff = undefined;
  });

  const requestLine = (b: TestBff, path: string) =>
    b.logs.lines().find((line) => (line.req as { url?: string } | undefined)?.url === path) as
      { req: { remoteAddress: string; host: string } } | undefined;

  it('uses the client address and scheme a trusted proxy reports', async () => {
    bff = await startTestBff({ TRUST_PROXY: '127.0.0.1', FORCE_HTTPS: 'true' });
    const response = await fetch(`${bff.baseUrl}/api/version`, { headers: spoofed, redirect: 'manual' });
    // The trusted proxy says the client used plain HTTP: redirect to HTTPS on the forwarded host.
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('https://portal.zamio.example/api/version');
    expect(requestLine(bff, '/api/version')?.req.remoteAddress).toBe('203.0.113.7');

    const secure = await fetch(`${bff.baseUrl}/api/version`, {
      headers: { ...spoofed, 'X-Forwarded-Proto': 'https' },
    });
    expect(secure.status).toBe(200);
    expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it('ignores forwarded headers from a peer that is not a trusted proxy', async () => {
    bff = await startTestBff({ TRUST_PROXY: '10.0.1.0/24', FORCE_HTTPS: 'true' });
    const response = await fetch(`${bff.baseUrl}/api/version`, { headers: spoofed, redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(requestLine(bff, '/api/version')?.req.remoteAddress).toBe('127.0.0.1');
  });

  it('never redirects direct requests without forwarded headers (container health checks)', async () => {
    bff = await startTestBff({ TRUST_PROXY: '127.0.0.1', FORCE_HTTPS: 'true' });
    const response = await fetch(`${bff.baseUrl}/readyz`, { redirect: 'manual' });
    expect(response.status).toBe(200);
  });

  it('trusts nobody with TRUST_PROXY=none', async () => {
    bff = await startTestBff({ TRUST_PROXY: 'none', FORCE_HTTPS: 'true' });
    const response = await fetch(`${bff.baseUrl}/api/version`, { headers: spoofed, redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(requestLine(bff, '/api/version')?.req.remoteAddress).toBe('127.0.0.1');
  });
});
