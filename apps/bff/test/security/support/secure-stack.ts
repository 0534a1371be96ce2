// The real bff on the machine's Postgres (a fresh database) and Redis (a
// random key prefix), uploads in a temp dir, logs captured — plus helpers to
// create accounts and drive the API like a browser would.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bffConfigFrom, bffSchema, loadConfig } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import {
  captureLogs,
  createTestDatabase,
  createTestRedis,
  untilServing,
  type LogCapture,
} from '@zamio/testing';
import { DEMO_PASSWORD } from '@zamio/accounts';
import { startBff, type RunningBff } from '../../../src/start-bff';
import { ApiClient } from './api-client';

export interface SecureStack {
  bff: RunningBff;
  url: string;
  logs: LogCapture;
  uploadDir: string;
  databaseUrl: string;
  /** The Redis server and key prefix this stack's queue and limits use. */
  redis: { url: string; prefix: string };
  client(origin?: string): ApiClient;
  /** Signs up (and, for pending roles, approves with the demo admin) then signs in. */
  account(role: 'artist' | 'station' | 'publisher', name: string): Promise<ApiClient>;
  admin(): Promise<ApiClient>;
  /** Starts one more bff process on the same database, Redis and upload directory (stopped by stop()). */
  another(): Promise<{ url: string }>;
  /** Stops this bff and starts a new one on the same database and Redis (env merged over the first). */
  restart(env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface StackOptions {
  /** Rewrites the test database URL, e.g. to go through a TCP proxy or carry a password. */
  databaseUrl?: (url: string) => string;
}

export async function startSecureStack(
  env: Record<string, string> = {},
  options: StackOptions = {},
): Promise<SecureStack> {
  const database = await createTestDatabase();
  const redis = createTestRedis();
  const uploadDir = await mkdtemp(join(tmpdir(), 'zamio-uploads-'));
  const logs = captureLogs();
  const logger = createLogger({
    service: 'bff',
    version: 'test',
    level: 'info',
    pretty: false,
    destination: logs.stream,
  });
  const baseEnv: Record<string, string> = {
    ZAMIO_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    METRICS_PORT: '0',
    SHUTDOWN_DRAIN_DELAY: '0',
    DATABASE_URL: options.databaseUrl ? options.databaseUrl(database.url) : database.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.prefix,
    REDIS_COMMAND_TIMEOUT: '1s',
    UPLOAD_DIR: uploadDir,
    SEED_DEMO_DATA: 'true',
    SESSION_SECRET: 'test-session-secret-0123456789-abcdefghijklmnop',
    ...env,
  };
  const launch = async (raw: Record<string, string>) => {
    const bff = await startBff(bffConfigFrom({ ...loadConfig(bffSchema, raw), PORT: 0 }), { logger });
    const url = bff.url.replace('0.0.0.0', '127.0.0.1');
    // Past load shedding's start-up sample (a 503 on a busy machine).
    await untilServing(`${url}/api/version`);
    return { bff, url };
  };
  let running = await launch(baseEnv);
  const others: RunningBff[] = [];

  const stack: SecureStack = {
    get bff() {
      return running.bff;
    },
    get url() {
      return running.url;
    },
    logs,
    uploadDir,
    databaseUrl: database.url,
    redis: { url: redis.url, prefix: redis.prefix },
    client: (origin) => new ApiClient(running.url, origin ?? running.url),
    async another() {
      const other = await launch(baseEnv);
      others.push(other.bff);
      return { url: other.url };
    },
    async restart(env = {}) {
      await running.bff.lifecycle.shutdown('restart');
      running = await launch({ ...baseEnv, ...env });
    },
    async admin() {
      const admin = stack.client();
      await admin.login('admin@demo.zamio.local', DEMO_PASSWORD);
      return admin;
    },
    async account(role, name) {
      const email = `${name}-${Math.random().toString(36).slice(2, 8)}@example.test`;
      const client = stack.client();
      const created = await client.post('/api/auth/signup', {
        email,
        password: TEST_PASSWORD,
        displayName: name,
        role,
      });
      if (created.status !== 201)
        throw new Error(`sign-up failed: ${created.status} ${JSON.stringify(created.body)}`);
      if (role !== 'artist') {
        const admin = await stack.admin();
        const approved = await admin.post(
          `/api/admin/users/${(created.body as { id: string }).id}/approve`,
          {},
        );
        if (approved.status !== 200) throw new Error(`approval failed: ${approved.status}`);
      }
      const login = await client.login(email, TEST_PASSWORD);
      if (login.status !== 200)
        throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
      return client;
    },
    async stop() {
      await Promise.all(others.map((other) => other.lifecycle.shutdown('test done')));
      await running.bff.lifecycle.shutdown('test done');
      await redis.cleanup();
      await database.drop();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
  return stack;
}
