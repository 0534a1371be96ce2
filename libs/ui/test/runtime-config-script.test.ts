import { describe, expect, it } from 'vitest';
import {
  escapeJsonForScript,
  renderRuntimeConfigScript,
  runtimeConfigFromEnv,
} from '../vite/portal-vite-config';

describe('renderRuntimeConfigScript', () => {
  it('assigns the config to window.__ZAMIO_CONFIG__', () => {
    const script = renderRuntimeConfigScript({
      apiBaseUrl: '/api',
      environment: 'staging',
      version: '1.4.2',
      features: ['realtime'],
    });
    expect(script).toBe(
      'window.__ZAMIO_CONFIG__ = {"apiBaseUrl":"/api","environment":"staging","version":"1.4.2","features":["realtime"]};\n',
    );
  });

  it('escapes characters that could close the script element or break JavaScript parsing', () => {
    const hostile = '</script><script>alert(1)</script> & \u2028\u2029 >';
    const script = renderRuntimeConfigScript({
      apiBaseUrl: '/api',
      environment: hostile,
      version: '1',
      features: [],
    });
    expect(script).not.toMatch(/[<>&\u2028\u2029]/);
    expect(script).toContain('\\u003c/script\\u003e');
    expect(script).toContain('\\u0026');
    expect(script).toContain('\\u2028\\u2029');
  });

  it('round-trips: evaluating the script yields the original config', () => {
    const config = {
      apiBaseUrl: '/api',
      environment: 'a<b>&c\u2028',
      version: '2.0.0',
      features: ['x', 'y'],
    };
    const sandbox: { __ZAMIO_CONFIG__?: unknown } = {};
    new Function('window', renderRuntimeConfigScript(config))(sandbox);
    expect(sandbox.__ZAMIO_CONFIG__).toEqual(config);
  });

  it('leaves JSON without unsafe characters unchanged', () => {
    expect(escapeJsonForScript('{"a":"b"}')).toBe('{"a":"b"}');
  });
});

// Read through the portal schema in libs/env, which requires the bff's URL for a same-origin API.
const BFF = { INTERNAL_API_URL: 'http://bff:3000' };

describe('runtimeConfigFromEnv', () => {
  it('uses the documented defaults', async () => {
    expect(await runtimeConfigFromEnv(BFF)).toEqual({
      apiBaseUrl: '/api',
      environment: 'local',
      version: '0.0.0-dev',
      features: [],
    });
  });

  it('reads API_BASE_URL, ZAMIO_ENV, APP_VERSION and a comma-separated FEATURE_FLAGS', async () => {
    expect(
      await runtimeConfigFromEnv({
        ...BFF,
        API_BASE_URL: '/bff',
        ZAMIO_ENV: 'staging',
        APP_VERSION: '1.4.2',
        FEATURE_FLAGS: ' realtime, playlog-csv,,realtime ',
      }),
    ).toEqual({
      apiBaseUrl: '/bff',
      environment: 'staging',
      version: '1.4.2',
      features: ['realtime', 'playlog-csv'],
    });
  });
});
