// CORS from env against the real bff: exact origins get credentials, pattern
// origins get none, others get no CORS headers; preflight covers every method.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBff, type TestBff } from '../support/start-test-bff';

describe('CORS policy from CORS_ORIGINS / CORS_ORIGIN_PATTERNS', () => {
  let bff: TestBff;
  beforeAll(async () => {
    bff = await startTestBff({
      CORS_ORIGINS: 'https://artist.zamio.example,https://admin.zamio.example',
      CORS_ORIGIN_PATTERNS: '^https://pr-[0-9]+\\.preview\\.zamio\\.example$',
    });
  });
  afterAll(() => bff.stop());

  const request = (path: string, init: RequestInit) => fetch(`${bff.baseUrl}${path}`, init);

  it('allows an exact origin with credentials', async () => {
    const response = await request('/api/version', { headers: { Origin: 'https://artist.zamio.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://artist.zamio.example');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('allows a pattern origin without credentials', async () => {
    const response = await request('/api/version', {
      headers: { Origin: 'https://pr-42.preview.zamio.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://pr-42.preview.zamio.example');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives an unknown origin no CORS headers', async () => {
    for (const origin of ['https://evil.example', 'https://artist.zamio.example.evil.example', 'null']) {
      const response = await request('/api/version', { headers: { Origin: origin } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    it(`answers the preflight for ${method}`, async () => {
      const response = await request('/api/system/heartbeat', {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://admin.zamio.example',
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': 'content-type,x-csrf-token',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://admin.zamio.example');
      expect(response.headers.get('access-control-allow-methods')).toContain(method);
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-csrf-token');
    });
  }

  it('refuses the preflight of an unknown origin', async () => {
    const response = await request('/api/system/heartbeat', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
