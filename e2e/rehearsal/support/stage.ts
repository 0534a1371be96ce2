// Production staged on this machine: the production images (stand-in bases),
// Postgres and Redis containers, one docker network, one upload volume shared
// by bff and worker — every name starts with `rehearsal-`, every container
// carries the label rehearsal.run=<id>, and teardown() removes all of it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  baseImages,
  buildScript,
  caSecretEnv,
  docker,
  dockerBin,
  runCommand,
  waitHealthy,
  workspaceRoot,
} from '@zamio/testing/docker-cli';
import { coolifyApps, healthFlags, rollingUpdate, type DeployOutcome } from './rolling-update';

export const APPS = ['bff', 'worker', 'artist'] as const;
export type App = (typeof APPS)[number];

export class Stage {
  readonly id = randomBytes(3).toString('hex');
  readonly prefix = `rehearsal-${this.id}`;
  readonly network = `${this.prefix}-net`;
  readonly uploads = `${this.prefix}-uploads`;
  readonly postgres = `${this.prefix}-postgres`;
  readonly redis = `${this.prefix}-redis`;
  readonly namespace = `rehearsal-${this.id}`;
  /** The portals reach the bff by this alias, as zamio-deploy sets it. */
  readonly bffAlias = `zamio-bff-rehearsal${this.id}`;
  readonly sessionSecret = randomBytes(48).toString('base64');
  readonly apps = coolifyApps();
  readonly images: string[] = [];
  /** The container of each app now serving. */
  readonly current: Partial<Record<App, string>> = {};
  subnet = '';
  tag = '';
  private deploys = 0;
  private readonly tmp = mkdtempSync(join(tmpdir(), 'rehearsal-'));

  image(app: App, variant = ''): string {
    return `${this.namespace}/${app}${variant}:${this.tag}`;
  }

  async build(log: (line: string) => void): Promise<void> {
    const bases = await baseImages();
    for (const app of APPS) {
      const started = Date.now();
      const build = await runCommand(process.execPath, [buildScript, app], {
        env: {
          ...caSecretEnv(),
          NODE_IMAGE: bases.NODE_IMAGE,
          DEBIAN_IMAGE: bases.DEBIAN_IMAGE,
          ZAMIO_IMAGE_NAMESPACE: this.namespace,
          ZAMIO_REGISTRY: '',
        },
      });
      if (build.code !== 0) throw new Error(`building ${app} failed:\n${build.output.slice(-4000)}`);
      const tags = (
        await docker('images', '--format', '{{.Repository}}:{{.Tag}}', `${this.namespace}/${app}`)
      )
        .split('\n')
        .filter(Boolean);
      this.images.push(...tags);
      // docker-build names the tag from the tree at build time (version, or
      // dev-<sha>-dirty); the first app's tag is the run's, the others get it too.
      this.tag ||= tags.map((t) => t.split(':')[1]!).find((t) => !t.startsWith('sha-')) ?? '';
      if (!tags.includes(this.image(app))) {
        await docker('tag', tags[0]!, this.image(app));
        this.images.push(this.image(app));
      }
      log(`built ${app} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }

  /**
   * Image B of the bff: image A plus one expand migration (a new nullable
   * column), numbered after the repository's newest — built here, never added
   * to the repository's migrations.
   */
  async buildBffB(): Promise<{ image: string; column: string; version: number }> {
    const newest = Math.max(
      ...readdirSync(join(workspaceRoot, 'libs/db/migrations'))
        .filter((name) => /^\d+\.do\./.test(name))
        .map((name) => Number(name.split('.')[0])),
    );
    const version = newest + 1;
    const column = 'rehearsal_note';
    const dir = join(this.tmp, 'bff-b');
    rmSync(dir, { recursive: true, force: true });
    execFileSync('mkdir', ['-p', dir]);
    const file = `${String(version).padStart(3, '0')}.do.rehearsal-expand.sql`;
    writeFileSync(
      join(dir, file),
      `-- Rehearsal only: an expand step (nullable column, no rewrite), as a real release adds one.\nALTER TABLE tracks ADD COLUMN ${column} text;\n`,
    );
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${this.image('bff')}\nCOPY ${file} /app/migrations/${file}\nENV APP_VERSION=${this.tag}-b\n`,
    );
    const image = this.image('bff', '-b');
    await docker('build', '-q', '-t', image, dir);
    this.images.push(image);
    return { image, column, version };
  }

  /**
   * A release whose readiness never passes within Coolify's window: image B
   * plus a start-up migration that takes longer than start_period + interval ×
   * retries (it only sleeps; it is terminated after the scenario).
   */
  async buildSlowMigration(): Promise<string> {
    const dir = join(this.tmp, 'bff-slow');
    execFileSync('mkdir', ['-p', dir]);
    const version =
      Math.max(
        ...readdirSync(join(workspaceRoot, 'libs/db/migrations'))
          .filter((name) => /^\d+\.do\./.test(name))
          .map((name) => Number(name.split('.')[0])),
      ) + 2;
    const file = `${String(version).padStart(3, '0')}.do.rehearsal-slow.sql`;
    writeFileSync(join(dir, file), 'SELECT pg_sleep(120);\n');
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${this.image('bff', '-b')}\nCOPY ${file} /app/migrations/${file}\nENV APP_VERSION=${this.tag}-slow\n`,
    );
    const image = this.image('bff', '-slow');
    await docker('build', '-q', '-t', image, dir);
    this.images.push(image);
    return image;
  }

  async startInfrastructure(): Promise<void> {
    const bases = await baseImages();
    await docker('network', 'create', '--label', `rehearsal.run=${this.id}`, this.network);
    this.subnet = await docker(
      'network',
      'inspect',
      '--format',
      '{{(index .IPAM.Config 0).Subnet}}',
      this.network,
    );
    await docker('volume', 'create', '--label', `rehearsal.run=${this.id}`, this.uploads);
    // The images run as node (uid 1000): the fresh volume must be theirs.
    await docker('run', '--rm', '-v', `${this.uploads}:/u`, bases.DEBIAN_IMAGE, 'chown', '1000:1000', '/u');
    await docker(
      'run',
      '-d',
      '--name',
      this.postgres,
      '--network',
      this.network,
      '--label',
      `rehearsal.run=${this.id}`,
      '-e',
      'POSTGRES_PASSWORD=rehearsal-secret',
      '-e',
      'POSTGRES_DB=zamio',
      '--health-cmd',
      'pg_isready -U postgres -d zamio -h 127.0.0.1',
      '--health-interval',
      '1s',
      '--health-retries',
      '60',
      bases.POSTGRES_IMAGE,
    );
    await docker(
      'run',
      '-d',
      '--name',
      this.redis,
      '--network',
      this.network,
      '--label',
      `rehearsal.run=${this.id}`,
      '--health-cmd',
      'redis-cli ping',
      '--health-interval',
      '1s',
      '--health-retries',
      '60',
      bases.REDIS_IMAGE,
    );
    await Promise.all([waitHealthy(this.postgres), waitHealthy(this.redis)]);
  }

  /** Production settings of bff and worker (coolify/env/*.env.example), plus rehearsal load allowances. */
  serverEnv(overrides: Record<string, string | undefined> = {}): string[] {
    const env: Record<string, string | undefined> = {
      ZAMIO_ENV: 'production',
      DATABASE_URL: `postgres://postgres:rehearsal-secret@${this.postgres}:5432/zamio`,
      REDIS_URL: `redis://${this.redis}:6379/0`,
      SESSION_SECRET: this.sessionSecret,
      TRUST_PROXY: this.subnet,
      PUBLIC_API_URL: 'https://api.zamio.example',
      STORAGE_KIND: 'filesystem',
      UPLOAD_DIR: '/var/lib/zamio/uploads',
      WEB_CONCURRENCY: '1',
      // All load comes from one client address (the proxy host): the per-IP
      // limits would otherwise be what the run measures.
      RATE_LIMIT_GLOBAL_MAX: '1000000',
      RATE_LIMIT_AUTH_IP_MAX: '1000000',
      RATE_LIMIT_UPLOAD_MAX: '1000000',
      ...overrides,
    };
    return Object.entries(env)
      .filter(([, value]) => value !== undefined)
      .flatMap(([name, value]) => ['-e', `${name}=${value}`]);
  }

  runArgs(app: App, image: string, env: string[]): string[] {
    const common = [
      '--network',
      this.network,
      '--label',
      `rehearsal.run=${this.id}`,
      '--label',
      `rehearsal.service=${app}`,
    ];
    if (app === 'bff')
      return [
        ...common,
        '--network-alias',
        this.bffAlias,
        '-v',
        `${this.uploads}:/var/lib/zamio/uploads`,
        '-e',
        'MIGRATE_ON_START=true',
        ...env,
        image,
      ];
    if (app === 'worker') return [...common, '-v', `${this.uploads}:/var/lib/zamio/uploads`, ...env, image];
    return [
      ...common,
      '-e',
      `INTERNAL_API_URL=http://${this.bffAlias}:3000`,
      '-e',
      'ZAMIO_ENV=production',
      ...env,
      image,
    ];
  }

  /** A Coolify deploy of `app` (rolling when one is serving). */
  async deploy(
    app: App,
    options: { image?: string; env?: string[]; log?: (line: string) => void } = {},
  ): Promise<DeployOutcome> {
    const env = options.env ?? (app === 'artist' ? [] : this.serverEnv());
    const name = `${this.prefix}-${app}-${++this.deploys}`;
    const outcome = await rollingUpdate({
      app: this.apps[app]!,
      old: this.current[app],
      name,
      runArgs: this.runArgs(app, options.image ?? this.image(app), env),
      log: options.log,
    });
    if (outcome.ok) {
      if (this.current[app]) await runCommand(dockerBin, ['rm', '-v', this.current[app]!]);
      this.current[app] = outcome.newContainer;
    }
    return outcome;
  }

  /** Coolify's health flags for an app, for tests that start a container by hand. */
  healthFlags(app: App): string[] {
    return healthFlags(this.apps[app]!.health_check);
  }

  async psql(sql: string): Promise<string> {
    return docker(
      'exec',
      this.postgres,
      'psql',
      '-U',
      'postgres',
      '-d',
      'zamio',
      '-At',
      '-F',
      '\t',
      '-c',
      sql,
    );
  }

  async teardown(): Promise<void> {
    const ids = (
      await runCommand(dockerBin, ['ps', '-aq', '--filter', `label=rehearsal.run=${this.id}`])
    ).output
      .split('\n')
      .filter(Boolean);
    if (ids.length) await runCommand(dockerBin, ['rm', '-f', '-v', ...ids]);
    await runCommand(dockerBin, ['network', 'rm', this.network]);
    await runCommand(dockerBin, ['volume', 'rm', '-f', this.uploads]);
    if (this.images.length) await runCommand(dockerBin, ['rmi', '-f', ...new Set(this.images)]);
    rmSync(this.tmp, { recursive: true, force: true });
  }
}
