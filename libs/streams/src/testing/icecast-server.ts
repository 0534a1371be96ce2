// A real Icecast (Debian's icecast2) for the tests: generated config in a temp folder, bound to
// 127.0.0.1 on a free port, run as a child process in the foreground (as `nobody` when the
// tests run as root, which Icecast refuses), and fed by ffmpeg source clients that stream
// synthesised tones in real time. stop() ends every process it started and removes the folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@zamio/testing';

const ICECAST = process.env.ICECAST_PATH ?? '/usr/bin/icecast2';
const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';
const NOBODY = 65_534;

export interface SourceOptions {
  readonly mount: string;
  /** A sine tone of this frequency, unless `file` is given. */
  readonly hz?: number;
  /** An audio file to stream instead of a tone (played in real time, looped). */
  readonly file?: string;
  readonly codec: 'mp3' | 'vorbis' | 'opus';
  readonly name?: string;
}

export interface IcecastServer {
  readonly port: number;
  url(mount: string): string;
  /** Starts an ffmpeg source on the mount and waits until Icecast lists it. */
  startSource(options: SourceOptions): Promise<ChildProcess>;
  /** Sets the mount's ICY StreamTitle through the admin API. */
  setTitle(mount: string, title: string): Promise<void>;
  stop(): Promise<void>;
}

const ENCODERS: Readonly<Record<SourceOptions['codec'], string[]>> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '128k', '-content_type', 'audio/mpeg', '-f', 'mp3'],
  vorbis: ['-c:a', 'libvorbis', '-b:a', '96k', '-content_type', 'application/ogg', '-f', 'ogg'],
  opus: ['-c:a', 'libopus', '-b:a', '64k', '-content_type', 'audio/ogg', '-f', 'ogg'],
};

export async function startIcecast(): Promise<IcecastServer> {
  if (!existsSync(ICECAST)) {
    throw new Error(
      `${ICECAST} not found: install Debian's icecast2 package (apt-get install icecast2) to run these tests`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'zamio-icecast-'));
  const port = await freePort();
  const sourcePassword = `source-${process.pid}-${port}`;
  const adminPassword = `admin-${process.pid}-${port}`;
  await mkdir(join(dir, 'log'));
  await writeFile(join(dir, 'icecast.xml'), config({ port, dir, sourcePassword, adminPassword }));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    await chown(dir, NOBODY, NOBODY);
    await chown(join(dir, 'log'), NOBODY, NOBODY);
  }
  const children: ChildProcess[] = [];
  const icecast = spawn(ICECAST, ['-c', join(dir, 'icecast.xml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  children.push(icecast);
  let icecastErrors = '';
  icecast.stderr!.on('data', (text: Buffer) => (icecastErrors += text.toString()));
  const base = `http://127.0.0.1:${port}`;
  const auth = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  const mounts = async (): Promise<string[]> => {
    const response = await fetch(`${base}/admin/listmounts`, {
      headers: { authorization: auth('admin', adminPassword) },
    });
    const xml = await response.text();
    return [...xml.matchAll(/<source mount="([^"]+)"/g)].map((m) => m[1]!);
  };

  const server: IcecastServer = {
    port,
    url: (mount) => `${base}${mount}`,
    async startSource({ mount, hz, file, codec, name }) {
      const input = file
        ? ['-stream_loop', '-1', '-i', file]
        : ['-f', 'lavfi', '-i', `sine=frequency=${hz ?? 440}:sample_rate=44100`];
      const source = spawn(
        FFMPEG,
        [
          '-nostdin',
          '-loglevel',
          'error',
          '-re',
          ...input,
          '-ac',
          '2',
          ...ENCODERS[codec],
          ...(name ? ['-ice_name', name, '-ice_genre', 'Test'] : []),
          `icecast://source:${sourcePassword}@127.0.0.1:${port}${mount}`,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      children.push(source);
      let errors = '';
      source.stderr!.on('data', (text: Buffer) => (errors += text.toString()));
      await until(
        async () => (await mounts()).includes(mount),
        `mount ${mount} to go live (ffmpeg: ${errors})`,
      );
      return source;
    },
    async setTitle(mount, title) {
      const query = new URLSearchParams({ mount, mode: 'updinfo', song: title });
      const response = await fetch(`${base}/admin/metadata?${query}`, {
        headers: { authorization: auth('admin', adminPassword) },
      });
      if (!response.ok) throw new Error(`metadata update failed: HTTP ${response.status}`);
    },
    async stop() {
      await Promise.all(children.map((child) => stopChild(child)));
      await rm(dir, { recursive: true, force: true });
    },
  };

  try {
    await until(
      async () => (await fetch(`${base}/status-json.xsl`)).ok,
      'Icecast to answer',
      () =>
        icecast.exitCode !== null
          ? `icecast2 exited with ${icecast.exitCode}: ${icecastErrors}${readLog(dir)}`
          : undefined,
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

function config(c: { port: number; dir: string; sourcePassword: string; adminPassword: string }): string {
  return `<icecast>
  <location>test</location>
  <admin>test@localhost</admin>
  <limits>
    <clients>50</clients>
    <sources>10</sources>
    <queue-size>524288</queue-size>
    <client-timeout>30</client-timeout>
    <header-timeout>15</header-timeout>
    <source-timeout>10</source-timeout>
    <burst-on-connect>1</burst-on-connect>
    <burst-size>65535</burst-size>
  </limits>
  <authentication>
    <source-password>${c.sourcePassword}</source-password>
    <relay-password>${c.sourcePassword}</relay-password>
    <admin-user>admin</admin-user>
    <admin-password>${c.adminPassword}</admin-password>
  </authentication>
  <hostname>127.0.0.1</hostname>
  <listen-socket>
    <port>${c.port}</port>
    <bind-address>127.0.0.1</bind-address>
  </listen-socket>
  <fileserve>1</fileserve>
  <paths>
    <basedir>/usr/share/icecast2</basedir>
    <logdir>${c.dir}/log</logdir>
    <webroot>/usr/share/icecast2/web</webroot>
    <adminroot>/usr/share/icecast2/admin</adminroot>
  </paths>
  <logging>
    <accesslog>access.log</accesslog>
    <errorlog>error.log</errorlog>
    <loglevel>2</loglevel>
  </logging>
  <security>
    <chroot>0</chroot>
  </security>
</icecast>
`;
}

async function until(
  check: () => Promise<boolean>,
  what: string,
  failed?: () => string | undefined,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const problem = failed?.();
    if (problem) throw new Error(problem);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

function readLog(dir: string): string {
  return existsSync(join(dir, 'log', 'error.log')) ? `\n(see ${join(dir, 'log', 'error.log')})` : '';
}
