// The admins' station list and the stream health summary on both databases:
// filters by class, region, account state, stream state and name; keyset
// pages; stream counts per state (inactive streams counted apart).
import { expect, it } from 'vitest';
import { usersRepository, type AccountStatus } from '@zamio/accounts';
import type { Database } from '@zamio/db';
import { describeOnBothDatabases } from '@zamio/domain-testing';
import { createStationDirectory, createStreamService, provisionStation, stationsRepository } from '../src';

async function station(
  db: Database,
  name: string,
  profile: { stationClass: 'class_a' | 'class_b' | 'community'; region: string | null },
  status: AccountStatus = 'active',
): Promise<string> {
  return db.transaction(async (tx) => {
    const account = await usersRepository.insert(tx, {
      email: `${name.toLowerCase().replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2)}@example.test`,
      displayName: name,
      role: 'station',
      status,
      passwordHash: 'x',
    });
    await provisionStation(tx, account);
    const id = (await stationsRepository.findIdByOwner(tx, account.id))!;
    await stationsRepository.updateProfile(tx, id, { name, ...profile, timezone: 'Africa/Accra' });
    return id;
  });
}

async function stream(db: Database, stationId: string, state: 'up' | 'down' | 'unknown', active = true) {
  await db.query(`INSERT INTO station_streams (station_id, url, state, active) VALUES ($1, $2, $3, $4)`, [
    stationId,
    `https://radio.example.com/${Math.random().toString(36).slice(2)}.mp3`,
    state,
    active,
  ]);
}

describeOnBothDatabases('station directory', (db) => {
  it('lists stations with their account state and stream counts, filtered and paged', async () => {
    const joy = await station(db(), 'Joy FM', { stationClass: 'class_a', region: 'Greater Accra' });
    const adom = await station(db(), 'Adom FM', { stationClass: 'class_b', region: 'Ashanti' });
    const waiting = await station(db(), 'Waiting FM', { stationClass: 'community', region: null }, 'pending');
    await stream(db(), joy, 'up');
    await stream(db(), joy, 'down');
    await stream(db(), joy, 'down', false);
    await stream(db(), adom, 'unknown');

    const directory = createStationDirectory({ db: db() });
    const page = { limit: 10, sort: 'name', order: 'asc' } as const;
    const all = await directory.listStations({}, page);
    const joyListed = all.items.find((s) => s.id === joy);
    expect(joyListed).toMatchObject({
      name: 'Joy FM',
      stationClass: 'class_a',
      region: 'Greater Accra',
      accountStatus: 'active',
      streams: { total: 2, up: 1, down: 1, unknown: 0 },
    });
    expect(all.items.find((s) => s.id === waiting)).toMatchObject({
      accountStatus: 'pending',
      streams: { total: 0, up: 0, down: 0, unknown: 0 },
    });

    expect((await directory.listStations({ region: 'ASHANTI' }, page)).items.map((s) => s.id)).toEqual([
      adom,
    ]);
    expect((await directory.listStations({ stationClass: 'class_a' }, page)).items.map((s) => s.id)).toEqual([
      joy,
    ]);
    expect((await directory.listStations({ accountStatus: 'pending' }, page)).items.map((s) => s.id)).toEqual(
      [waiting],
    );
    // Only active streams count: Joy's paused down stream does not make it "down" twice, Adom is unchecked.
    expect((await directory.listStations({ streamState: 'down' }, page)).items.map((s) => s.id)).toEqual([
      joy,
    ]);
    expect((await directory.listStations({ streamState: 'unknown' }, page)).items.map((s) => s.id)).toEqual([
      adom,
    ]);
    expect((await directory.listStations({ search: 'waiting' }, page)).items.map((s) => s.id)).toEqual([
      waiting,
    ]);

    // Keyset pages by name: every station once, in order.
    const first = await directory.listStations({}, { ...page, limit: 2 });
    const rest = await directory.listStations({}, { ...page, limit: 10, cursor: first.nextCursor! });
    const names = [...first.items, ...rest.items].map((s) => s.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(all.items.length);
  });

  it('summarises the monitored streams by state, paused ones apart', async () => {
    const id = await station(db(), 'Summary FM', { stationClass: 'class_b', region: 'Volta' });
    const streams = createStreamService({ db: db(), allowPrivateAddresses: false });
    const before = await streams.summariseStreamHealth();
    await stream(db(), id, 'up');
    await stream(db(), id, 'down');
    await stream(db(), id, 'up', false);
    const after = await streams.summariseStreamHealth();
    expect({
      total: after.total - before.total,
      up: after.up - before.up,
      down: after.down - before.down,
      unknown: after.unknown - before.unknown,
      inactive: after.inactive - before.inactive,
    }).toEqual({ total: 3, up: 1, down: 1, unknown: 0, inactive: 1 });
  });
});
