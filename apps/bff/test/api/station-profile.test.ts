// The station's profile over HTTP on Postgres: read, change class, region and
// timezone; an unknown timezone or class is refused by field name; other
// roles and anonymous callers are refused; nothing changes on a refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../security/support/api-client';
import { startSecureStack, type SecureStack } from '../security/support/secure-stack';

let stack: SecureStack;
let station: ApiClient;

beforeAll(async () => {
  stack = await startSecureStack();
  station = await stack.account('station', 'profile');
});
afterAll(async () => stack?.stop());

const put = (client: ApiClient, body: unknown) => client.request('PUT', '/api/station/profile', { body });

describe('station profile', () => {
  it('answers the profile of the signed-in station, Africa/Accra by default', async () => {
    const profile = await station.get('/api/station/profile');
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ timezone: 'Africa/Accra' });
    expect(Object.keys(profile.body as object).sort()).toEqual([
      'name',
      'region',
      'stationClass',
      'timezone',
    ]);
  });

  it('changes class, region and timezone, leaving absent fields as they were', async () => {
    const before = (await station.get('/api/station/profile')).body as { name: string };
    const changed = await put(station, {
      stationClass: 'class_b',
      region: 'Ashanti',
      timezone: 'Africa/Lagos',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      name: before.name,
      stationClass: 'class_b',
      region: 'Ashanti',
      timezone: 'Africa/Lagos',
    });
    expect((await station.get('/api/station/profile')).body).toEqual(changed.body);
    const cleared = await put(station, { region: null });
    expect((cleared.body as { region: unknown }).region).toBeNull();
  });

  it('refuses an unknown timezone or class by field name and changes nothing', async () => {
    const before = (await station.get('/api/station/profile')).body;
    const zone = await put(station, { timezone: 'Mars/Olympus_Mons' });
    expect(zone.status).toBe(400);
    expect((zone.body as { message: string }).message).toMatch(/timezone/);
    const cls = await put(station, { stationClass: 'class_z' });
    expect(cls.status).toBe(400);
    expect((cls.body as { message: string }).message).toMatch(/stationClass/);
    const empty = await put(station, {});
    expect(empty.status).toBe(400);
    const control = await put(station, { name: 'Radio\u0000Gold' });
    expect(control.status).toBe(400);
    expect((await station.get('/api/station/profile')).body).toEqual(before);
  });

  it('is for station accounts only', async () => {
    const artist = await stack.account('artist', 'not-a-station');
    expect((await artist.get('/api/station/profile')).status).toBe(403);
    expect((await put(artist, { region: 'Volta' })).status).toBe(403);
    const anonymous = new ApiClient(station.baseUrl, station.origin);
    expect((await anonymous.get('/api/station/profile')).status).toBe(401);
  });
});
