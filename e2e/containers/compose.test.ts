// Local development stack (docker-compose.yml) end to end: up with the
// stand-in bases, everything healthy, sign in through a portal's dev server,
// upload through it into the volume the bff and the worker share, run the
// airplay chain (upload → worker fingerprints → captures → one play, live on
// the artist's socket) through the published ports only,
// edit a portal and a bff source file in the bind mount and see the change
// served with no container restarted, then `down -v` leaves nothing behind.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runAirplayChain } from '@zamio/e2e-stack/airplay-chain';
import { ApiSession } from '@zamio/e2e-stack/api-session';
import {
  baseImages,
  caSecretEnv,
  docker,
  dockerBin,
  GiveUp,
  requireDocker,
  runCommand,
  waitFor,
  workspaceRoot,
} from '@zamio/testing/docker-cli';
import { freePort } from './support/free-port';

const available = await requireDocker('container suite');
const id = randomBytes(3).toString('hex');
const project = `compose-chain-${id}`;
const devImage = `compose-chain-dev-${id}:local`;
const SERVICES = ['postgres', 'redis', 'bff', 'worker', 'artist', 'station', 'publisher', 'admin'];

// docker-compose v1.29 is what this machine has; `docker compose` v2 elsewhere.
const composeCommand = existsSync('/usr/bin/docker-compose')
  ? ['/usr/bin/docker-compose']
  : [dockerBin, 'compose'];
let composeEnv: NodeJS.ProcessEnv = {};
const compose = (...args: string[]) =>
  runCommand(composeCommand[0]!, [...composeCommand.slice(1), ...args], { env: composeEnv });

async function containerOf(service: string): Promise<string> {
  const result = await compose('ps', '-q', service);
  const container = result.output.trim().split('\n').pop();
  if (!container) throw new Error(`no container for ${service}: ${result.output}`);
  return container;
}
const metricsText = async (url: string) => (await fetch(url)).text();
const metricValue = (text: string, line: RegExp) =>
  text
    .split('\n')
    .filter((l) => line.test(l))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
const startedAt = async (service: string) =>
  docker('inspect', '--format', '{{.State.StartedAt}}', await containerOf(service));

describe.runIf(available)('docker-compose development stack', () => {
  let artistUrl = '';
  let stationUrl = '';
  let adminUrl = '';
  let workerMetricsUrl = '';
  const restore: { path: string; content: string }[] = [];

  beforeAll(async () => {
    const bases = await baseImages();
    const ports = {
      BFF_PORT: await freePort(),
      ARTIST_PORT: await freePort(),
      STATION_PORT: await freePort(),
      PUBLISHER_PORT: await freePort(),
      ADMIN_PORT: await freePort(),
      WORKER_METRICS_PORT: await freePort(),
    };
    composeEnv = {
      COMPOSE_PROJECT_NAME: project,
      ZAMIO_DEV_IMAGE: devImage,
      NODE_IMAGE: bases.NODE_IMAGE,
      POSTGRES_IMAGE: bases.POSTGRES_IMAGE,
      REDIS_IMAGE: bases.REDIS_IMAGE,
      // The engine answers slowly on a busy shared machine (volume removal took > 60 s).
      COMPOSE_HTTP_TIMEOUT: '300',
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    };
    artistUrl = `http://127.0.0.1:${ports.ARTIST_PORT}`;
    stationUrl = `http://127.0.0.1:${ports.STATION_PORT}`;
    adminUrl = `http://127.0.0.1:${ports.ADMIN_PORT}`;
    workerMetricsUrl = `http://127.0.0.1:${ports.WORKER_METRICS_PORT}/metrics`;

    // compose v1 cannot pass build secrets: build the dev image first.
    const secret = caSecretEnv().ZAMIO_CA_SECRET ?? process.env.ZAMIO_CA_SECRET;
    const build = await runCommand(
      dockerBin,
      [
        'build',
        '-f',
        'docker/node.Dockerfile',
        '--target',
        'dev',
        '--build-arg',
        `NODE_IMAGE=${bases.NODE_IMAGE}`,
        ...(secret ? ['--secret', secret] : []),
        '-t',
        devImage,
        '.',
      ],
      { env: { DOCKER_BUILDKIT: '1' } },
    );
    expect(build.code, build.output.slice(-3000)).toBe(0);

    const config = await compose('config', '-q');
    expect(config.code, config.output).toBe(0);
    const up = await compose('up', '-d', '--no-build');
    expect(up.code, up.output.slice(-3000)).toBe(0);

    await waitFor(
      'every compose service to be healthy',
      async () => {
        const states = await Promise.all(
          SERVICES.map(async (service) =>
            docker('inspect', '--format', '{{.State.Health.Status}}', await containerOf(service)),
          ),
        );
        if (states.includes('unhealthy'))
          throw new GiveUp(`unhealthy: ${SERVICES.filter((_, i) => states[i] === 'unhealthy').join(', ')}`);
        return states.every((s) => s === 'healthy') ? true : undefined;
      },
      480_000,
      3_000,
    );
  }, 900_000);

  afterAll(async () => {
    for (const { path, content } of restore) writeFileSync(path, content);
    if (!composeEnv.COMPOSE_PROJECT_NAME) return;
    await compose('down', '-v', '--remove-orphans');
    await runCommand(dockerBin, ['rmi', '-f', devImage]);
  }, 180_000);

  it('ran the one-shot migration to completion', async () => {
    expect(
      await docker(
        'inspect',
        '--format',
        '{{.State.Status}} {{.State.ExitCode}}',
        await containerOf('migrate'),
      ),
    ).toBe('exited 0');
  });

  it('serves a portal page and proxies /api to the bff', async () => {
    const page = await fetch(`${artistUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/config.js');
    const version = await fetch(`${artistUrl}/api/version`);
    expect(version.status).toBe(200);
    expect(((await version.json()) as { version: string }).version).toBeTruthy();
  });

  it('signs in with the seeded demo account through the portal dev server', async () => {
    const login = await fetch(`${artistUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: artistUrl },
      body: JSON.stringify({ email: 'artist@demo.zamio.local', password: 'zamio-demo-password' }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = await fetch(`${artistUrl}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('artist@demo.zamio.local');
  });

  it('stores an upload through the portal where the worker, a separate container, reads it', async () => {
    const json = { 'content-type': 'application/json', origin: artistUrl };
    const login = await fetch(`${artistUrl}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'artist@demo.zamio.local', password: 'zamio-demo-password' }),
    });
    expect(login.status).toBe(200);
    const session = {
      origin: artistUrl,
      cookie: login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
    };
    const created = await fetch(`${artistUrl}/api/artist/tracks`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Shared ${id}` }),
    });
    expect(created.status).toBe(201);
    const trackId = ((await created.json()) as { id: string }).id;
    // One second of 8 kHz mono PCM.
    const wav = Buffer.alloc(44 + 16_000);
    wav.write('RIFF', 0);
    wav.writeUInt32LE(36 + 16_000, 4);
    wav.write('WAVEfmt ', 8);
    wav.writeUInt32LE(16, 16);
    wav.writeUInt16LE(1, 20);
    wav.writeUInt16LE(1, 22);
    wav.writeUInt32LE(8_000, 24);
    wav.writeUInt32LE(16_000, 28);
    wav.writeUInt16LE(2, 32);
    wav.writeUInt16LE(16, 34);
    wav.write('data', 36);
    wav.writeUInt32LE(16_000, 40);
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(wav)]), 'shared.wav');
    const uploaded = await fetch(`${artistUrl}/api/artist/tracks/${trackId}/audio`, {
      method: 'PUT',
      headers: session,
      body,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(200);
    const sha256 = ((await uploaded.json()) as { audio: { sha256: string } }).audio.sha256;
    const seen = await compose(
      'exec',
      '-T',
      'worker',
      'sh',
      '-c',
      'sha256sum /var/lib/zamio/uploads/track-audio/*.wav',
    );
    expect(seen.output).toContain(sha256);
  });

  it('runs the airplay chain: the worker container fingerprints and matches, the artist sees the play live', async () => {
    // The operator's first admin, by the CLI in the bff container; it approves the station.
    const adminEmail = `ops-${id}@compose.zamio.local`;
    const adminPassword = `compose-admin-${id}-password`;
    const created = await compose(
      'exec',
      '-T',
      'bff',
      'sh',
      '-c',
      `printf %s '${adminPassword}' > /tmp/admin-password && npx tsx apps/bff/src/create-admin.ts --email ${adminEmail} --password-file /tmp/admin-password; status=$?; rm -f /tmp/admin-password; exit $status`,
    );
    expect(created.code, created.output).toBe(0);
    expect(created.output).toContain(`admin ${adminEmail} created`);
    const admin = new ApiSession(adminUrl);
    await admin.login(adminEmail, adminPassword);

    const signUp = async (url: string, role: 'artist' | 'station') => {
      const email = `${role}-${id}@compose.zamio.local`;
      const password = `compose-${role}-${id}-password`;
      const session = new ApiSession(url);
      const answer = await session.request('POST', '/api/auth/signup', {
        email,
        password,
        displayName: `Compose ${role} ${id}`,
        role,
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      const user = answer.body as { id: string; status: string };
      // Artists start active; a station waits for an administrator (libs/accounts roles).
      expect(user.status).toBe(role === 'artist' ? 'active' : 'pending');
      if (role === 'artist') return { email, password };
      const refused = await session.request('POST', '/api/auth/login', { email, password });
      expect(refused.status).toBe(403);
      const approved = await admin.request('POST', `/api/admin/users/${user.id}/approve`);
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body).toMatchObject({ id: user.id, status: 'active' });
      return { email, password };
    };
    const artistAccount = await signUp(artistUrl, 'artist');
    const stationAccount = await signUp(stationUrl, 'station');

    const workerBefore = await metricsText(workerMetricsUrl);
    const messages: { type: string; play?: { id: string; trackId: string } }[] = [];
    let socket: WebSocket | undefined;
    try {
      const { trackId, play } = await runAirplayChain(artistUrl, {
        stationUrl,
        artist: artistAccount,
        station: stationAccount,
        // The artist's portal is open (through its dev server's /api proxy) before the station airs.
        beforeCaptures: async (artist) => {
          socket = new WebSocket(`${artistUrl.replace('http', 'ws')}/api/live`, {
            headers: { origin: artistUrl, cookie: artist.cookieHeader() },
          });
          socket.on('message', (data) => messages.push(JSON.parse(String(data))));
          await new Promise((resolve, reject) => {
            socket!.once('open', resolve);
            socket!.once('error', reject);
          });
        },
      });
      await expect
        .poll(() => messages.some((m) => m.type === 'play.changed' && m.play?.id === play.id), {
          timeout: 10_000,
        })
        .toBe(true);
      expect(messages.filter((m) => m.play && m.play.trackId !== trackId)).toEqual([]);

      // The worker container did the work: its metrics and logs say so, the bff's logs do not.
      const workerAfter = await metricsText(workerMetricsUrl);
      const delta = (line: RegExp) => metricValue(workerAfter, line) - metricValue(workerBefore, line);
      expect(delta(/^zamio_tracks_fingerprinted_total\{.*outcome="ready"/)).toBe(1);
      expect(delta(/^zamio_captures_matched_total\{.*result="matched"/)).toBe(3);
      expect(delta(/^zamio_captures_matched_total\{.*result="unmatched"/)).toBe(1);
      expect(delta(/^zamio_plays_created_total/)).toBe(1);
      // It read the 75 s master (22.05 kHz, 16-bit mono WAV) and the captures from the shared volume.
      expect(delta(/^zamio_storage_bytes_total\{.*direction="read"/)).toBeGreaterThan(75 * 22_050 * 2);
      const workerLogs = (await compose('logs', '--no-color', 'worker')).output;
      expect(workerLogs).toContain('track fingerprint job done');
      expect(workerLogs).toContain(trackId);
      expect(workerLogs).toContain('capture matched');
      const bffLogs = (await compose('logs', '--no-color', 'bff')).output;
      expect(bffLogs).not.toContain('track fingerprint job done');
      expect(bffLogs).not.toContain('capture matched');
    } finally {
      socket?.close();
    }
  }, 420_000);

  it('reloads edited portal and bff sources without restarting containers', async () => {
    const before = { artist: await startedAt('artist'), bff: await startedAt('bff') };
    const probe = `zamio-reload-probe-${id}`;

    const portalFile = join(workspaceRoot, 'apps/artist/src/artist-portal.ts');
    const bffFile = join(workspaceRoot, 'apps/bff/src/main.ts');
    for (const path of [portalFile, bffFile]) restore.push({ path, content: readFileSync(path, 'utf8') });
    try {
      writeFileSync(portalFile, `${restore[0]!.content}\nexport const reloadProbe = '${probe}';\n`);
      await waitFor(
        'the dev server to serve the edited portal module',
        async () => {
          const body = await (await fetch(`${artistUrl}/src/artist-portal.ts`)).text();
          return body.includes(probe) ? true : undefined;
        },
        60_000,
      );

      writeFileSync(bffFile, `${restore[1]!.content}\nconsole.log('${probe}');\n`);
      await waitFor(
        'tsx watch to restart the bff with the edited source',
        async () => {
          const logs = (await compose('logs', '--no-color', 'bff')).output;
          return logs.includes(probe) ? true : undefined;
        },
        90_000,
      );
      await waitFor(
        'the reloaded bff to answer through the portal proxy',
        async () => ((await fetch(`${artistUrl}/api/version`)).status === 200 ? true : undefined),
        90_000,
      );
    } finally {
      for (const { path, content } of restore) writeFileSync(path, content);
    }
    expect(await startedAt('artist')).toBe(before.artist);
    expect(await startedAt('bff')).toBe(before.bff);
  });

  it('down -v leaves no containers or volumes behind', async () => {
    const down = await compose('down', '-v', '--remove-orphans');
    expect(down.code, down.output).toBe(0);
    const label = `label=com.docker.compose.project=${project}`;
    expect(await docker('ps', '-a', '-q', '--filter', label)).toBe('');
    expect(await docker('volume', 'ls', '-q', '--filter', label)).toBe('');
    expect(await docker('network', 'ls', '-q', '--filter', label)).toBe('');
  });
});
