import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNTIME_CONFIG, hasFeature, readRuntimeConfig } from '../src/index';

describe('readRuntimeConfig', () => {
  it('falls back to defaults when /config.js did not load', () => {
    expect(readRuntimeConfig(undefined)).toEqual(DEFAULT_RUNTIME_CONFIG);
    expect(readRuntimeConfig(null)).toEqual(DEFAULT_RUNTIME_CONFIG);
    expect(readRuntimeConfig('nonsense')).toEqual(DEFAULT_RUNTIME_CONFIG);
  });

  it('reads window.__ZAMIO_CONFIG__ when no source is given', () => {
    // Node has no window; the default must not throw there.
    expect(readRuntimeConfig()).toEqual(DEFAULT_RUNTIME_CONFIG);
  });

  it('keeps valid fields and replaces invalid ones one by one', () => {
    expect(
      readRuntimeConfig({
        apiBaseUrl: '',
        environment: 'production',
        version: 42,
        features: ['realtime', 7, ' ', 'realtime'],
      }),
    ).toEqual({
      apiBaseUrl: '/api',
      environment: 'production',
      version: '0.0.0-dev',
      features: ['realtime'],
    });
  });

  it('strips a trailing slash from the API base URL', () => {
    expect(readRuntimeConfig({ apiBaseUrl: '/api/' }).apiBaseUrl).toBe('/api');
  });

  it('answers feature flag questions', () => {
    const config = readRuntimeConfig({ features: ['realtime'] });
    expect(hasFeature(config, 'realtime')).toBe(true);
    expect(hasFeature(config, 'playlog-csv')).toBe(false);
  });
});
