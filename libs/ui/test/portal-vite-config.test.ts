import type { ConfigEnv, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { createPortalViteConfig } from '../vite/portal-vite-config';

const options = { app: 'artist', appDir: '/repo/apps/artist', defaultPort: 5173 };
const serve: ConfigEnv = { command: 'serve', mode: 'development' };
const build: ConfigEnv = { command: 'build', mode: 'production' };
// The config reads the portal schema (libs/env) when serving, so it resolves asynchronously.
const resolveConfig = async (env: Record<string, string>, configEnv: ConfigEnv) =>
  (await createPortalViteConfig(options, env)(configEnv)) as UserConfig;

describe('createPortalViteConfig', () => {
  it('refuses to serve without INTERNAL_API_URL, naming the variable', async () => {
    await expect(resolveConfig({}, serve)).rejects.toThrow(/INTERNAL_API_URL/);
    await expect(resolveConfig({ INTERNAL_API_URL: 'bff:3000' }, serve)).rejects.toThrow(/INTERNAL_API_URL/);
  });

  it('builds without INTERNAL_API_URL into dist/apps/<app> at the repository root', async () => {
    const config = await resolveConfig({}, build);
    expect(config.build).toMatchObject({
      outDir: '/repo/dist/apps/artist',
      emptyOutDir: true,
      assetsDir: 'assets',
      sourcemap: false,
    });
    expect(config.server).toBeUndefined();
  });

  it('serves on the default port and loopback, proxying /api with websockets to the bff', async () => {
    const config = await resolveConfig({ INTERNAL_API_URL: 'http://127.0.0.1:3000/' }, serve);
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 5173, strictPort: true });
    expect(config.server?.proxy?.['/api']).toEqual({
      target: 'http://127.0.0.1:3000',
      ws: true,
      changeOrigin: false,
    });
    expect(config.preview?.proxy).toEqual(config.server?.proxy);
  });

  it('takes host and port from PORTAL_HOST and PORTAL_PORT', async () => {
    const config = await resolveConfig(
      { INTERNAL_API_URL: 'http://bff:3000', PORTAL_HOST: '0.0.0.0', PORTAL_PORT: '6000' },
      serve,
    );
    expect(config.server).toMatchObject({ host: '0.0.0.0', port: 6000 });
    await expect(
      resolveConfig({ INTERNAL_API_URL: 'http://bff:3000', PORTAL_PORT: 'eighty' }, serve),
    ).rejects.toThrow(/PORTAL_PORT/);
  });
});
