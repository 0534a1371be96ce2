// Seeding and bootstrap against real Postgres and PGlite: idempotent, one
// account per role (the station account with its station, as the bff wires
// libs/accounts to this library's hook), first admin only while none exists.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPgliteDatabase, createPostgresDatabase, migrate, type Database } from '@zamio/db';
import { createTestDatabase } from '@zamio/testing';
import {
  createAccountProvisioning,
  createAccountService,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
} from '@zamio/accounts';
import { provisionStation } from '../src';

const servicesOf = (db: Database) => ({
  provisioning: createAccountProvisioning({ db, onAccountCreated: provisionStation }),
  accounts: createAccountService({ db, sessionTtlMs: 60_000, onAccountCreated: provisionStation }),
});
const authenticate = async (db: Database, email: string, password: string) =>
  (
    await servicesOf(db).accounts.signIn({
      email,
      password,
      userAgent: undefined,
      replacingSessionId: undefined,
    })
  ).account;
const bootstrapAdmin = (db: Database, settings: { email: string; passwordFile: string }) =>
  servicesOf(db).provisioning.bootstrapAdmin(settings);

async function exercise(db: Database) {
  await migrate(db, { statementTimeoutMs: 60_000 });
  const { provisioning } = servicesOf(db);
  expect(await provisioning.seedDemoAccounts()).toBe(4);
  expect(await provisioning.seedDemoAccounts()).toBe(0);
  for (const account of DEMO_ACCOUNTS)
    expect((await authenticate(db, account.email, DEMO_PASSWORD)).role).toBe(account.role);
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stations');
  expect(rows[0]!.n).toBe(1);
  // An admin exists already: the bootstrap does nothing.
  const dir = await mkdtemp(join(tmpdir(), 'zamio-admin-'));
  try {
    await writeFile(join(dir, 'pw'), 'bootstrap admin password\n');
    expect(await bootstrapAdmin(db, { email: 'ops@example.test', passwordFile: join(dir, 'pw') })).toBe(
      'admin-exists',
    );
    expect(await bootstrapAdmin(db, { email: '', passwordFile: '' })).toBe('not-configured');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('demo accounts and bootstrap admin', () => {
  it('work on PGlite', async () => {
    const db = await createPgliteDatabase();
    try {
      await exercise(db);
    } finally {
      await db.close();
    }
  });

  it('work on PostgreSQL, and the bootstrap creates the first admin from a password file', async () => {
    const test = await createTestDatabase();
    const db = createPostgresDatabase({
      url: test.url,
      poolMax: 2,
      idleTimeoutMs: 1_000,
      connectTimeoutMs: 5_000,
      acquireTimeoutMs: 5_000,
      statementTimeoutMs: 30_000,
      applicationName: 'auth-test',
    });
    const dir = await mkdtemp(join(tmpdir(), 'zamio-admin-'));
    try {
      await migrate(db, { statementTimeoutMs: 60_000 });
      await writeFile(join(dir, 'pw'), 'bootstrap admin password\n');
      expect(await bootstrapAdmin(db, { email: 'Ops@Example.test', passwordFile: join(dir, 'pw') })).toBe(
        'created',
      );
      expect((await authenticate(db, 'ops@example.test', 'bootstrap admin password')).role).toBe('admin');
      await exercise(db);
    } finally {
      await db.close();
      await test.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
