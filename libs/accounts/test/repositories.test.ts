// The accounts repositories against real PostgreSQL and PGlite alike.
import { expect, it } from 'vitest';
import type { Queryable } from '@zamio/db';
import { AppError } from '@zamio/errors';
import { describeOnBothDatabases } from '@zamio/domain-testing';
import {
  deviceTokensRepository as devices,
  sessionsRepository as sessions,
  usersRepository as users,
} from '../src';

// The station of a station account (libs/airplay creates it in the app; that library depends on this one).
async function station(db: Queryable, ownerUserId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO stations (owner_user_id, name) VALUES ($1, 'FM') RETURNING id",
    [ownerUserId],
  );
  return rows[0]!.id;
}

const account = (email: string, role: 'artist' | 'station' | 'admin' = 'artist') => ({
  email,
  displayName: email.split('@')[0]!,
  role,
  status: 'active' as const,
  passwordHash: '$scrypt$placeholder',
});

describeOnBothDatabases('users repository', (db) => {
  it('stores e-mails normalised, finds them case-insensitively and refuses duplicates with a conflict', async () => {
    const created = await users.insert(db(), account('  Ada@Example.TEST '));
    expect(created).toMatchObject({
      email: 'ada@example.test',
      role: 'artist',
      status: 'active',
      approvedAt: null,
    });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect((await users.findByEmail(db(), 'ADA@example.test'))?.id).toBe(created.id);
    expect(await users.findById(db(), created.id)).toEqual(created);
    const duplicate = await users.insert(db(), account('ada@EXAMPLE.test')).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(AppError);
    expect(duplicate).toMatchObject({ kind: 'conflict' });
    expect(await users.insertApprovedIfAbsent(db(), account('ada@example.test'))).toBeUndefined();
  });

  it('lists by status and role in creation order, and approves with a timestamp', async () => {
    const admin = await users.insertApprovedIfAbsent(db(), account('root@example.test', 'admin'));
    expect(admin?.approvedAt).toBeInstanceOf(Date);
    expect(await users.activeAdminExists(db())).toBe(true);
    const pending = await users.insert(db(), { ...account('fm@example.test', 'station'), status: 'pending' });
    const page = { limit: 10, sort: 'createdAt', order: 'asc' } as const;
    expect((await users.listPage(db(), { status: 'pending' }, page)).items.map((a) => a.id)).toEqual([
      pending.id,
    ]);
    expect((await users.listPage(db(), { role: 'admin' }, page)).items.map((a) => a.id)).toEqual([admin!.id]);
    const approved = await users.setStatus(db(), pending.id, 'active', admin!.id);
    expect(approved).toMatchObject({ status: 'active', approvedAt: expect.any(Date) });
    expect(
      await users.setStatus(db(), '00000000-0000-4000-8000-000000000000', 'active', admin!.id),
    ).toBeUndefined();
  });
});

describeOnBothDatabases('sessions repository', (db) => {
  it('finds the live owner of a session until it expires or is revoked', async () => {
    const owner = await users.insert(db(), account('fm@example.test', 'station'));
    const stationId = await station(db(), owner.id);
    await sessions.insert(db(), {
      sessionId: 'a'.repeat(43),
      userId: owner.id,
      ttlMs: 60_000,
      userAgent: 'test',
    });
    await sessions.insert(db(), {
      sessionId: 'b'.repeat(43),
      userId: owner.id,
      ttlMs: 60_000,
      userAgent: undefined,
    });
    await sessions.insert(db(), {
      sessionId: 'c'.repeat(43),
      userId: owner.id,
      ttlMs: -1,
      userAgent: undefined,
    });
    expect(await sessions.findLiveOwner(db(), 'a'.repeat(43))).toEqual({
      userId: owner.id,
      role: 'station',
      stationId,
    });
    expect(await sessions.findLiveOwner(db(), 'c'.repeat(43))).toBeUndefined();
    expect(await sessions.findLiveOwner(db(), 'unknown')).toBeUndefined();

    expect(await sessions.revokeAllOf(db(), owner.id, 'a'.repeat(43))).toBe(2);
    expect(await sessions.findLiveOwner(db(), 'b'.repeat(43))).toBeUndefined();
    await sessions.revoke(db(), 'a'.repeat(43));
    expect(await sessions.findLiveOwner(db(), 'a'.repeat(43))).toBeUndefined();
  });

  it('ignores the sessions of an account that is no longer active', async () => {
    const owner = await users.insert(db(), account('gone@example.test'));
    await sessions.insert(db(), {
      sessionId: 'd'.repeat(43),
      userId: owner.id,
      ttlMs: 60_000,
      userAgent: undefined,
    });
    await users.setStatus(db(), owner.id, 'disabled', owner.id);
    expect(await sessions.findLiveOwner(db(), 'd'.repeat(43))).toBeUndefined();
  });
});

describeOnBothDatabases('device tokens repository', (db) => {
  it('resolves a live token to its station, lists and revokes only within the station', async () => {
    const owner = await users.insert(db(), account('fm@example.test', 'station'));
    const stationId = await station(db(), owner.id);
    const other = await users.insert(db(), account('other@example.test', 'station'));
    const otherStation = await station(db(), other.id);
    const deviceId = await devices.insert(db(), { stationId, name: 'studio', tokenHash: 'hash-1' });

    expect(await devices.useLiveToken(db(), 'hash-1')).toEqual({ deviceId, stationId, userId: owner.id });
    expect(await devices.useLiveToken(db(), 'hash-unknown')).toBeUndefined();
    const [listed] = await devices.listOfStation(db(), stationId);
    expect(listed).toMatchObject({
      id: deviceId,
      name: 'studio',
      revokedAt: null,
      lastUsedAt: expect.any(Date),
    });
    expect(await devices.listOfStation(db(), otherStation)).toEqual([]);

    expect(await devices.revoke(db(), otherStation, deviceId)).toBe(false);
    expect(await devices.revoke(db(), stationId, deviceId)).toBe(true);
    expect(await devices.revoke(db(), stationId, deviceId)).toBe(false);
    expect(await devices.useLiveToken(db(), 'hash-1')).toBeUndefined();
  });
});
