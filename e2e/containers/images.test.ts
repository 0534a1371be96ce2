// Builds all six production images with the stand-in bases (or the official
// ones), then checks each like a reviewer would: non-root, labelled, no dev
// tooling or sources inside, healthy when run, clean exit on SIGTERM, and
// the portal's nginx cache/security/proxy behaviour.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseImages,
  buildScript,
  caSecretEnv,
  docker,
  dockerBin,
  publishedPort,
  requireDocker,
  runCommand,
  waitHealthy,
  workspaceRoot,
} from '@zamio/testing/docker-cli';
import { streamedUpload } from './support/streamed-upload';

const available = await requireDocker('container suite');
const id = randomBytes(3).toString('hex');
const namespace = `zamio-e2e-${id}`;
const version = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')).version as string;
const NODE_APPS = ['bff', 'worker'];
const PORTALS = ['artist', 'station', 'publisher', 'admin'];
// A build from uncommitted changes is tagged dev-<sha>-dirty only (never the
// release tags); a clean checkout (CI) gets <version> and sha-<short>.
const git = (...args: string[]) =>
  execFileSync('git', ['-C', workspaceRoot, ...args], { encoding: 'utf8' }).trim();
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
const shortSha = git('rev-parse', 'HEAD').slice(0, 7);
const tag = dirty ? `dev-${shortSha}-dirty` : version;
const image = (app: string) => `${namespace}/${app}:${tag}`;
// What zamio-deploy sets on the bff: portals reach it by this alias, never by
// the container's own name (Coolify renames it <uuid>-<timestamp> every deploy).
const bffAlias = `zamio-bff-e2e${id}`;
const name = (what: string) => `zamio-e2e-${id}-${what}`;
const network = name('net');
const uploadsVolume = name('uploads');
const containers: string[] = [];

/** Runs a shell script in a throwaway container of the image; returns its output. */
const shellIn = (img: string, script: string) =>
  docker('run', '--rm', '--entrypoint', 'sh', img, '-c', script);

async function start(what: string, img: string, args: string[], command: string[] = []): Promise<string> {
  const container = name(what);
  containers.push(container);
  await docker('run', '-d', '--name', container, '--network', network, ...args, img, ...command);
  return container;
}

describe.runIf(available)('production images', () => {
  let bases: Awaited<ReturnType<typeof baseImages>>;
  let revision = '';
  let subnet = '';

  beforeAll(async () => {
    bases = await baseImages();
    for (const app of [...NODE_APPS, ...PORTALS]) {
      const build = await runCommand(process.execPath, [buildScript, app], {
        env: {
          ...caSecretEnv(),
          NODE_IMAGE: bases.NODE_IMAGE,
          DEBIAN_IMAGE: bases.DEBIAN_IMAGE,
          ZAMIO_IMAGE_NAMESPACE: namespace,
          ZAMIO_REGISTRY: '',
        },
      });
      if (build.code !== 0) throw new Error(`building ${app} failed:\n${build.output.slice(-4000)}`);
    }
    revision = await docker(
      'inspect',
      '--format',
      '{{index .Config.Labels "org.opencontainers.image.revision"}}',
      image('bff'),
    );
    await docker('network', 'create', network);
    subnet = await docker('network', 'inspect', '--format', '{{(index .IPAM.Config 0).Subnet}}', network);
  });

  afterAll(async () => {
    for (const container of containers) await runCommand(dockerBin, ['rm', '-f', '-v', container]);
    await runCommand(dockerBin, ['network', 'rm', network]);
    await runCommand(dockerBin, ['volume', 'rm', '-f', uploadsVolume]);
    for (const app of [...NODE_APPS, ...PORTALS]) {
      const tags = (
        await runCommand(dockerBin, ['images', '--format', '{{.Repository}}:{{.Tag}}', `${namespace}/${app}`])
      ).output
        .split('\n')
        .filter(Boolean);
      if (tags.length) await runCommand(dockerBin, ['rmi', '-f', ...tags]);
    }
  });

  it.each([...NODE_APPS, ...PORTALS])('%s: non-root, OCI labels, health check, exposed port', async (app) => {
    const config = JSON.parse(await docker('inspect', '--format', '{{json .Config}}', image(app))) as {
      User: string;
      Labels: Record<string, string>;
      ExposedPorts: Record<string, unknown>;
      Healthcheck?: { Test: string[] };
      Env: string[];
    };
    expect(['node', 'nginx', '1000', '101']).toContain(config.User);
    for (const label of ['title', 'version', 'revision', 'created', 'source'])
      expect(config.Labels[`org.opencontainers.image.${label}`], label).toBeTruthy();
    expect(config.Labels['org.opencontainers.image.version']).toBe(version);
    expect(config.Labels['org.opencontainers.image.title']).toBe(`zamio-${app}`);
    expect(config.Healthcheck?.Test.join(' ')).toMatch(/healthcheck\.sh|healthz/);
    expect(Object.keys(config.ExposedPorts).length).toBeGreaterThan(0);
    expect(config.Env).toContain(`APP_VERSION=${version}`);
    const tags = (await docker('images', '--format', '{{.Tag}}', `${namespace}/${app}`)).split('\n');
    if (dirty) expect(tags).toEqual([`dev-${shortSha}-dirty`]);
    else expect(tags.sort()).toEqual([version, `sha-${shortSha}`].sort());
  });

  // The production rehearsal (e2e/rehearsal) rolls out one portal image, the
  // artist's, under load; this is what makes that stand for all four: the same
  // runtime (entrypoint, drain, health check, nginx config) but the static files.
  it('the four portal images differ only in their static files and names', async () => {
    const runtimeOf = async (app: string) => {
      const config = JSON.parse(await docker('inspect', '--format', '{{json .Config}}', image(app))) as {
        Entrypoint: string[] | null;
        Cmd: string[];
        Healthcheck: unknown;
        StopSignal: string;
        User: string;
        ExposedPorts: Record<string, unknown>;
        Env: string[];
      };
      return {
        entrypoint: config.Entrypoint,
        cmd: config.Cmd,
        health: config.Healthcheck,
        stopSignal: config.StopSignal,
        user: config.User,
        ports: config.ExposedPorts,
        env: config.Env.filter((entry) => !entry.startsWith('ZAMIO_PORTAL=')),
        files: await shellIn(
          image(app),
          'cd / && find etc/nginx usr/local/bin/zamio-portal usr/local/lib/zamio -type f | sort | xargs sha256sum',
        ),
      };
    };
    const artist = await runtimeOf('artist');
    expect(artist.files).toContain('usr/local/bin/zamio-portal');
    for (const app of PORTALS.filter((portal) => portal !== 'artist'))
      expect(await runtimeOf(app), app).toEqual(artist);
  });

  it.each(NODE_APPS)('%s: no npm, npx, corepack or yarn, and no PGlite', async (app) => {
    const found = await shellIn(
      image(app),
      'for tool in npm npx corepack yarn yarnpkg; do command -v "$tool"; done; ls -d /usr/local/lib/node_modules /opt/yarn* node_modules/@electric-sql 2>/dev/null; node --version',
    );
    expect(found).toMatch(/^v24\.\d+\.\d+$/);
  });

  it.each(NODE_APPS)('%s: production dependencies only, no sources, maps or env files', async (app) => {
    const listing = await shellIn(
      image(app),
      'ls node_modules node_modules/@* ; echo ---; find / -xdev \\( -name "*.map" -o -name ".env" -o -name ".env.*" -o -name "*.ts" -o -name "*.tsx" \\) -not -path "/proc/*" -not -path "/usr/local/include/*" 2>/dev/null; echo ---; ls /app',
    );
    const [modules = '', leaks = '', app_ = ''] = listing.split('---\n');
    for (const devTool of [
      'typescript',
      'vitest',
      'nx',
      'esbuild',
      'vite',
      'tsx',
      'pino-pretty',
      'eslint',
      // Type packages: the @types scope (a runtime package may itself be named
      // "types" inside its scope, e.g. @smithy/types of the S3 client).
      '@types',
    ]) {
      expect(modules.split(/\s+/), devTool).not.toContain(devTool);
    }
    expect(leaks.trim()).toBe('');
    expect(app_).toMatch(/main\.js/);
    expect(app_).not.toMatch(/\bsrc\b/);
  });

  it('worker has ffmpeg with its AAC decoder for AAC/M4A; the bff, which decodes nothing, has none', async () => {
    const worker = await shellIn(image('worker'), 'ffmpeg -hide_banner -decoders | grep -c " aac "');
    expect(Number(worker.trim())).toBeGreaterThan(0);
    const bff = await shellIn(image('bff'), 'command -v ffmpeg || echo none');
    expect(bff.trim()).toBe('none');
  });

  it.each(PORTALS)('%s: static files only, no source maps or sources', async (app) => {
    const leaks = await shellIn(
      image(app),
      'find /usr/share/nginx/html /etc/nginx \\( -name "*.map" -o -name "*.ts" -o -name "*.tsx" -o -name ".env*" -o -name "node_modules" \\)',
    );
    expect(leaks).toBe('');
  });

  describe('running', () => {
    let bff = '';
    let worker = '';
    let bffPort = 0;

    beforeAll(async () => {
      const pg = await start('postgres', bases.POSTGRES_IMAGE, [
        '-e',
        'POSTGRES_PASSWORD=e2e-secret',
        '-e',
        'POSTGRES_DB=zamio',
        '--health-cmd',
        'pg_isready -U postgres -d zamio -h 127.0.0.1',
        '--health-interval',
        '2s',
        '--health-retries',
        '60',
      ]);
      const redis = await start('redis', bases.REDIS_IMAGE, [
        '--health-cmd',
        'redis-cli ping',
        '--health-interval',
        '2s',
        '--health-retries',
        '60',
      ]);
      await Promise.all([waitHealthy(pg), waitHealthy(redis)]);

      // Valid production settings: a strong generated secret, https public URL.
      const productionEnv = [
        'ZAMIO_ENV=production',
        `DATABASE_URL=postgres://postgres:e2e-secret@${name('postgres')}:5432/zamio`,
        `REDIS_URL=redis://${name('redis')}:6379/0`,
        `SESSION_SECRET=${randomBytes(48).toString('base64')}`,
        `TRUST_PROXY=${subnet}`,
        'PUBLIC_API_URL=https://api.zamio.example',
        'FORCE_HTTPS=true',
        'WEB_CONCURRENCY=2',
        'SHUTDOWN_DRAIN_DELAY=1s',
        'SHUTDOWN_TIMEOUT=15s',
        'STORAGE_KIND=filesystem',
        'UPLOAD_DIR=/var/lib/zamio/uploads',
        `UPLOAD_MAX_TRACK_AUDIO=${2 * 1024 * 1024}`,
      ].flatMap((pair) => ['-e', pair]);
      // Separate containers, one upload storage: the same volume on bff and worker.
      const sharedUploads = ['-v', `${uploadsVolume}:/var/lib/zamio/uploads`];
      bff = await start('bff', image('bff'), [
        ...productionEnv,
        ...sharedUploads,
        '-e',
        'MIGRATE_ON_START=true',
        '--network-alias',
        bffAlias,
        '-p',
        '127.0.0.1::3000',
      ]);
      await waitHealthy(bff);
      worker = await start('worker', image('worker'), [...productionEnv, ...sharedUploads]);
      await waitHealthy(worker);
      bffPort = await publishedPort(bff, 3000);
    });

    it('bff reports the build version and revision on /version', async () => {
      const body = (await (await fetch(`http://127.0.0.1:${bffPort}/version`)).json()) as Record<
        string,
        unknown
      >;
      expect(body.version).toBe(version);
      expect(body.revision).toBe(revision);
      const logs = (await runCommand(dockerBin, ['logs', bff])).output;
      expect(logs).toContain(`"version":"${version}"`);
      expect(logs).toContain(revision);
    });

    it('bff is ready on /readyz with the migrated schema', async () => {
      const response = await fetch(`http://127.0.0.1:${bffPort}/readyz`);
      expect(response.status).toBe(200);
      expect(
        ((await response.json()) as { checks: { name: string; status: string }[] }).checks,
      ).toContainEqual({
        name: 'storage',
        status: 'up',
      });
    });

    describe('uploads through the portal nginx', () => {
      let base = '';
      let session: Record<string, string> = {};
      let trackId = '';
      // The bff trusts PUBLIC_API_URL's origin for CSRF; Traefik would set the scheme.
      const browser = { origin: 'https://api.zamio.example', 'x-forwarded-proto': 'https' };
      const wavHead = () => {
        const header = Buffer.alloc(44);
        header.write('RIFF', 0);
        header.writeUInt32LE(36 + 16_000, 4);
        header.write('WAVEfmt ', 8);
        header.writeUInt32LE(16, 16);
        header.writeUInt16LE(1, 20);
        header.writeUInt16LE(1, 22);
        header.writeUInt32LE(8_000, 24);
        header.writeUInt32LE(16_000, 28);
        header.writeUInt16LE(2, 32);
        header.writeUInt16LE(16, 34);
        header.write('data', 36);
        header.writeUInt32LE(16_000, 40);
        return header;
      };

      beforeAll(async () => {
        const portal = await start('artist-uploads', image('artist'), [
          '-e',
          `INTERNAL_API_URL=http://${bffAlias}:3000`,
          '-p',
          '127.0.0.1::8080',
        ]);
        await waitHealthy(portal, 60_000);
        base = `http://127.0.0.1:${await publishedPort(portal, 8080)}`;
        const json = { ...browser, 'content-type': 'application/json' };
        const email = `e2e-${id}@example.test`;
        const password = 'a long e2e password 123';
        const signup = await fetch(`${base}/api/auth/signup`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email, password, displayName: 'E2E Artist', role: 'artist' }),
        });
        expect(signup.status, await signup.clone().text()).toBe(201);
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email, password }),
        });
        expect(login.status).toBe(200);
        const cookie = login.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        session = { ...browser, cookie, 'x-csrf-token': csrfToken };
        const created = await fetch(`${base}/api/artist/tracks`, {
          method: 'POST',
          headers: { ...session, 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Through nginx' }),
        });
        expect(created.status).toBe(201);
        trackId = ((await created.json()) as { id: string }).id;
      });

      const upload = (options: Partial<Parameters<typeof streamedUpload>[0]>) =>
        streamedUpload({
          url: `${base}/api/artist/tracks/${trackId}/audio`,
          headers: session,
          head: wavHead(),
          fillBytes: 16_000,
          ...options,
        });
      const MB = 1024 * 1024;
      const messageOf = (body: string) => (JSON.parse(body) as { message: string }).message;

      it('stores a valid upload where the worker, a separate container, reads it', async () => {
        const result = await upload({ declareLength: true });
        expect(result.status, result.body).toBe(200);
        const listed = await docker('exec', worker, 'ls', '/var/lib/zamio/uploads/track-audio');
        expect(listed).toMatch(/^[0-9a-f]{32}\.wav$/m);
      });

      it('passes the bff’s early answers through whole: 413 over the cap, 400 for a misnamed part, 401', async () => {
        const overCap = await upload({ fillBytes: 300 * MB });
        expect(overCap.status, overCap.body).toBe(413);
        expect(messageOf(overCap.body)).toMatch(/exceeds the limit of 2097152 bytes/);
        expect(overCap.bytesSentAtResponse).toBeLessThan(60 * MB);

        for (const fillBytes of [100, 20 * MB]) {
          const misnamed = await upload({ fieldName: 'audio', fillBytes });
          expect(misnamed.status, misnamed.body).toBe(400);
          expect(messageOf(misnamed.body)).toBe('the file part must be named "file", not "audio"');
        }

        const anonymous = await upload({ headers: browser, fillBytes: 300 * MB });
        expect(anonymous.status, anonymous.body).toBe(401);
        expect(anonymous.bytesSentAtResponse).toBeLessThan(60 * MB);

        // A declared size over the portal's own cap: nginx refuses it before the bff sees it.
        const declared = await upload({ fillBytes: 300 * MB, declareLength: true });
        expect(declared.status).toBe(413);
        expect(declared.bytesSentAtResponse).toBeLessThan(60 * MB);
        // Nothing of the refused uploads was kept.
        const files = await docker('exec', worker, 'ls', '/var/lib/zamio/uploads/track-audio');
        expect(files.split('\n').filter(Boolean)).toHaveLength(1);
      });
    });

    describe.each(PORTALS)('portal %s', (app) => {
      let base = '';
      beforeAll(async () => {
        const portal = await start(app, image(app), [
          '-e',
          `INTERNAL_API_URL=http://${bffAlias}:3000`,
          '-e',
          'FEATURE_FLAGS=realtime, "quoted",</script>',
          '-e',
          'ZAMIO_ENV=staging',
          '-p',
          '127.0.0.1::8080',
        ]);
        await waitHealthy(portal, 60_000);
        base = `http://127.0.0.1:${await publishedPort(portal, 8080)}`;
      });

      it('serves index.html and client routes no-cache, with security headers', async () => {
        for (const path of ['/', '/index.html', '/some/client/route']) {
          const response = await fetch(`${base}${path}`);
          expect(response.status, path).toBe(200);
          expect(response.headers.get('cache-control'), path).toBe('no-cache');
          expect(await response.text()).toMatch(/<script src="\/config\.js"><\/script>/);
          expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
          expect(response.headers.get('x-content-type-options')).toBe('nosniff');
          expect(response.headers.get('referrer-policy')).toBeTruthy();
        }
      });

      it('serves hashed assets immutable, brotli or gzip with Vary; a missing asset is a 404 no cache keeps', async () => {
        const html = await (await fetch(`${base}/`)).text();
        const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
        expect(asset).toBeTruthy();
        for (const encoding of ['br', 'gzip']) {
          const response = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': encoding } });
          expect(response.status, encoding).toBe(200);
          expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
          expect(response.headers.get('content-encoding'), encoding).toBe(encoding);
          expect(response.headers.get('vary'), encoding).toMatch(/Accept-Encoding/i);
        }
        for (const path of ['/assets/does-not-exist-1234.js', '/missing.png']) {
          const missing = await fetch(`${base}${path}`);
          expect(missing.status, path).toBe(404);
          expect(missing.headers.get('cache-control'), path).toBe('no-store');
          expect(missing.headers.get('x-content-type-options'), path).toBe('nosniff');
        }
      });

      it('answers /healthz and writes /config.js from env, escaped', async () => {
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
        const response = await fetch(`${base}/config.js`);
        expect(response.headers.get('cache-control')).toBe('no-cache');
        const script = await response.text();
        expect(script).not.toContain('</script>');
        const window: { __ZAMIO_CONFIG__?: unknown } = {};
        new Function('window', script)(window);
        expect(window.__ZAMIO_CONFIG__).toEqual({
          apiBaseUrl: '/api',
          environment: 'staging',
          version,
          features: ['realtime', '"quoted"', '</script>'],
        });
      });

      it('proxies /api to the bff, reached by its network alias, with a request id', async () => {
        const response = await fetch(`${base}/api/version`, { headers: { 'x-forwarded-proto': 'https' } });
        expect(response.status).toBe(200);
        expect(((await response.json()) as { version: string }).version).toBe(version);
        expect(response.headers.get('x-request-id')).toBeTruthy();
      });
    });

    it('takes portal runtime config from env at start: same image, new env, new behaviour; a restart keeps it', async () => {
      const configOf = async (container: string) => {
        await waitHealthy(container, 60_000);
        const script = await (
          await fetch(`http://127.0.0.1:${await publishedPort(container, 8080)}/config.js`)
        ).text();
        const window: { __ZAMIO_CONFIG__?: { environment: string; features: string[] } } = {};
        new Function('window', script)(window);
        return window.__ZAMIO_CONFIG__;
      };
      const env = (environment: string, flags: string) => [
        '-e',
        `INTERNAL_API_URL=http://${bffAlias}:3000`,
        '-e',
        `ZAMIO_ENV=${environment}`,
        '-e',
        `FEATURE_FLAGS=${flags}`,
        '-p',
        '127.0.0.1::8080',
      ];
      const first = await start('artist-config-a', image('artist'), env('staging', 'alpha'));
      expect(await configOf(first)).toMatchObject({ environment: 'staging', features: ['alpha'] });
      // Restarting the same container regenerates the same file (idempotent).
      await docker('restart', first);
      expect(await configOf(first)).toMatchObject({ environment: 'staging', features: ['alpha'] });
      // The same image with other env values: behaviour changes with no rebuild.
      const second = await start('artist-config-b', image('artist'), env('production', 'beta,gamma'));
      expect(await configOf(second)).toMatchObject({
        environment: 'production',
        features: ['beta', 'gamma'],
      });
    });

    it('a portal drains on stop: /healthz fails first, requests are served through the drain, then exit 0', async () => {
      const portal = await start('artist-drain', image('artist'), [
        '-e',
        `INTERNAL_API_URL=http://${bffAlias}:3000`,
        '-e',
        'SHUTDOWN_DRAIN_DELAY=3s',
        '-e',
        'SHUTDOWN_TIMEOUT=8s',
        '-p',
        '127.0.0.1::8080',
      ]);
      await waitHealthy(portal, 60_000);
      const base = `http://127.0.0.1:${await publishedPort(portal, 8080)}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const stoppedAt = Date.now();
      // Coolify stops with the image's STOPSIGNAL; nginx's own SIGQUIT is drained the same way.
      let stopped = false;
      const stop = docker('stop', '-t', '30', portal).finally(() => (stopped = true));
      const status = async (path: string) => {
        try {
          // As Traefik would send it: the bff (FORCE_HTTPS) redirects plain-HTTP requests.
          const headers = { 'x-forwarded-proto': 'https' };
          return (await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(2_000) })).status;
        } catch {
          return 0; // no answer: the listener is closed (or closing)
        }
      };
      const seen: { at: number; health: number; page: number; api: number }[] = [];
      while (!stopped) {
        const [health, page, api] = await Promise.all(['/healthz', '/', '/api/version'].map(status));
        seen.push({ at: Date.now() - stoppedAt, health: health!, page: page!, api: api! });
        await new Promise((r) => setTimeout(r, 150));
      }
      await stop;
      const draining = seen.filter((s) => s.health === 503);
      const report = JSON.stringify(seen);
      // /healthz failed within moments of the stop, while pages and the API kept answering…
      expect(draining.length, report).toBeGreaterThan(5);
      expect(draining[0]!.at, report).toBeLessThan(1_500);
      expect(
        draining.every((s) => s.page === 200 && s.api === 200),
        report,
      ).toBe(true);
      // …for the whole drain window, and nothing was refused before /healthz had failed.
      expect(draining.at(-1)!.at, report).toBeGreaterThan(2_500);
      expect(
        seen.slice(0, seen.indexOf(draining[0]!)).every((s) => s.page === 200),
        report,
      ).toBe(true);
      expect(await docker('inspect', '--format', '{{.State.ExitCode}}', portal)).toBe('0');
      const logs = (await runCommand(dockerBin, ['logs', portal])).output;
      expect(logs).toContain('stop requested; /healthz now fails');
    });

    it('a portal refuses to start on invalid configuration, naming every variable', async () => {
      const result = await runCommand(dockerBin, [
        'run',
        '--rm',
        '-e',
        'INTERNAL_API_URL=http://bff:3000/api',
        '-e',
        'HSTS=maybe',
        image('artist'),
      ]);
      expect(result.code).toBe(78);
      expect(result.output).toContain('✗ INTERNAL_API_URL must be an origin');
      expect(result.output).toContain('✗ HSTS must be true or false');
    });

    it('bff and worker stop cleanly on SIGTERM within the grace period', async () => {
      for (const container of [bff, worker]) {
        const started = Date.now();
        await docker('stop', '-t', '30', container);
        expect(Date.now() - started).toBeLessThan(30_000);
        expect(await docker('inspect', '--format', '{{.State.ExitCode}}', container), container).toBe('0');
      }
    });
  });
});
