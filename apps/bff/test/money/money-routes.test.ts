// The money routes through the real bff on PostgreSQL and Redis: who may call
// what, bad input named, a cycle calculated by a job consumer on the same
// BullMQ queue, statements as JSON/CSV/PDF, the publisher roster, a dispute,
// payouts and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepository } from '@zamio/accounts';
import { playsRepository, stationsRepository } from '@zamio/airplay';
import { tracksRepository } from '@zamio/catalog';
import { loadWorkerConfig } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { openPlatform, type Platform } from '@zamio/platform';
import { bindJobContext } from '@zamio/queue';
import { createCycleService } from '@zamio/royalties';
import type { ApiClient } from '../security/support/api-client';
import { startSecureStack, type SecureStack } from '../security/support/secure-stack';

describe('money routes', () => {
  let stack: SecureStack;
  let worker: Platform;
  let admin: ApiClient;
  let artist: ApiClient;
  let publisher: ApiClient;
  let cycleId: string;
  const plays: string[] = [];

  beforeAll(async () => {
    stack = await startSecureStack();
    admin = await stack.admin();
    artist = await stack.account('artist', 'Ama');
    publisher = await stack.account('publisher', 'Gold');
    const db = stack.bff.db;
    const owner = await usersRepository.insert(db, {
      email: 'joy@example.test',
      displayName: 'Joy FM',
      role: 'station',
      status: 'active',
      passwordHash: 'x',
    });
    const stationId = await stationsRepository.insert(db, { ownerUserId: owner.id, name: 'Joy FM' });
    await stationsRepository.updateProfile(db, stationId, {
      name: 'Joy FM',
      stationClass: 'class_a',
      region: null,
      timezone: 'Africa/Accra',
    });
    const trackId = await tracksRepository.insert(db, artist.userId!, {
      title: 'Highlife',
      isrc: 'GHA012600009',
      album: null,
      genre: null,
      releaseDate: null,
    });
    // 210 s at 07:30 on class_a: 4.725 GHS → 472 pesewas; 100 s at 12:00: 1.50 GHS.
    for (const [at, seconds] of [
      ['2026-01-05T07:30:00Z', 210],
      ['2026-01-06T12:00:00Z', 100],
    ] as const) {
      const startedAt = new Date(at);
      plays.push(
        await playsRepository.insert(db, {
          stationId,
          trackId,
          startedAt,
          endedAt: new Date(startedAt.getTime() + seconds * 1000),
          trackOffsetMs: 0,
          detectionCount: 2,
          confidence: 0.9,
        }),
      );
    }
  }, 90_000);

  afterAll(async () => {
    await worker?.close();
    await stack?.stop();
  });

  it('keeps money routes to their roles and names bad input', async () => {
    expect((await stack.client().get('/api/admin/cycles')).status).toBe(401);
    expect((await artist.get('/api/admin/cycles')).status).toBe(403);
    expect((await artist.get('/api/publisher/roster')).status).toBe(403);
    expect((await publisher.get('/api/artist/publisher-invitations')).status).toBe(403);
    const bad = await admin.post('/api/admin/cycles', {
      name: 'x',
      periodStart: '2026-13-01',
      periodEnd: '2026-02-01',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('periodStart');
    const backwards = await admin.post('/api/admin/cycles', {
      name: 'x',
      periodStart: '2026-02-01',
      periodEnd: '2026-01-01',
    });
    expect(backwards).toMatchObject({ status: 400, body: { message: expect.stringContaining('periodEnd') } });
    const rate = { baseRate: '0.02', prime: '1.5', regular: '1.0', offPeak: '0.7' };
    const badRate = await admin.post('/api/admin/rate-tables', {
      effectiveFrom: '2031-01-01T00:00:00Z',
      rates: {
        class_a: rate,
        class_b: rate,
        class_c: rate,
        online: { ...rate, prime: '-1' },
        community: rate,
      },
    });
    expect(badRate.status).toBe(400);
    expect(JSON.stringify(badRate.body)).toContain('online');
    const added = await admin.post('/api/admin/rate-tables', {
      effectiveFrom: '2031-01-01T00:00:00Z',
      note: 'from 2031',
      rates: { class_a: rate, class_b: rate, class_c: rate, online: rate, community: rate },
    });
    expect(added).toMatchObject({
      status: 201,
      body: { rates: { online: { baseRateMicro: 20_000, primeBp: 15_000 } } },
    });
    const tables = (await admin.get('/api/admin/rate-tables')).body as { effectiveFrom: string }[];
    expect(tables.map((t) => t.effectiveFrom)).toEqual([
      '2031-01-01T00:00:00.000Z',
      '2000-01-01T00:00:00.000Z',
    ]);
  });

  it('signs an artist to a publisher: invite, accept, roster and catalogue', async () => {
    const email = (await usersRepository.findById(stack.bff.db, artist.userId!))!.email;
    const missing = await publisher.post('/api/publisher/roster', {
      artistEmail: 'nobody@example.test',
      splitBp: 2000,
    });
    expect(missing.status).toBe(404);
    const invited = await publisher.post('/api/publisher/roster', {
      artistEmail: email,
      splitBp: 2000,
      effectiveFrom: '2025-12-01T00:00:00Z',
    });
    expect(invited).toMatchObject({ status: 201, body: { status: 'invited', splitBp: 2000 } });
    const id = (invited.body as { id: string }).id;
    const invitations = (await artist.get('/api/artist/publisher-invitations')).body as { id: string }[];
    expect(invitations.map((i) => i.id)).toEqual([id]);
    expect(await artist.post(`/api/artist/publisher-invitations/${id}/accept`)).toMatchObject({
      status: 200,
      body: { status: 'active' },
    });
    expect((await artist.post(`/api/artist/publisher-invitations/${id}/accept`)).status).toBe(409);
    const catalog = await publisher.get('/api/publisher/catalog');
    expect(catalog).toMatchObject({
      status: 200,
      body: { items: [{ title: 'Highlife', artistId: artist.userId }], nextCursor: null },
    });
    expect((await publisher.get(`/api/publisher/catalog?artist=${publisher.userId}`)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("pages, filters and sorts the signed artists' plays and counts them per station", async () => {
    type PlayPage = {
      items: { playId: string; seconds: number; stationName: string }[];
      nextCursor: string | null;
    };
    const first = await publisher.get('/api/publisher/plays?limit=1');
    expect(first.status).toBe(200);
    const page1 = first.body as PlayPage;
    expect(page1.items.map((p) => p.playId)).toEqual([plays[1]]); // newest first
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await publisher.get(`/api/publisher/plays?limit=1&cursor=${page1.nextCursor}`))
      .body as PlayPage;
    expect(page2).toMatchObject({ items: [{ playId: plays[0], seconds: 210 }], nextCursor: null });
    const bySeconds = (await publisher.get('/api/publisher/plays?sort=seconds&order=asc')).body as PlayPage;
    expect(bySeconds.items.map((p) => p.seconds)).toEqual([100, 210]);
    const inRange = (
      await publisher.get('/api/publisher/plays?from=2026-01-06T00:00:00Z&to=2026-01-07T00:00:00Z')
    ).body as PlayPage;
    expect(inRange.items.map((p) => p.playId)).toEqual([plays[1]]);
    const otherArtist = (await publisher.get(`/api/publisher/plays?artist=${publisher.userId}`))
      .body as PlayPage;
    expect(otherArtist.items).toEqual([]);
    // A cursor of one sort is refused for another, by name.
    const mixed = await publisher.get(`/api/publisher/plays?sort=seconds&cursor=${page1.nextCursor}`);
    expect(mixed).toMatchObject({ status: 400, body: { message: expect.stringContaining('cursor') } });
    const badStation = await publisher.get('/api/publisher/plays?station=joy');
    expect(badStation.status).toBe(400);
    expect(JSON.stringify(badStation.body)).toContain('station');
    expect((await artist.get('/api/publisher/plays/summary')).status).toBe(403);
    expect((await publisher.get('/api/publisher/plays/summary')).body).toEqual({
      perStation: [{ stationId: expect.any(String), station: 'Joy FM', plays: 2, seconds: 310 }],
    });
    expect(
      (await publisher.get('/api/publisher/plays/summary?from=2026-01-06T00:00:00Z')).body,
    ).toMatchObject({ perStation: [{ plays: 1, seconds: 100 }] });
  });

  it('calculates a cycle through the queue, locks it and serves statements as JSON, CSV and PDF', async () => {
    const config = loadWorkerConfig({
      ZAMIO_ENV: 'test',
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redis.url,
      REDIS_KEY_PREFIX: stack.redis.prefix,
      WORKER_HEALTH_PORT: '0',
      METRICS_PORT: '0',
    });
    // The worker's job, consuming the bff's queue (same database and Redis prefix).
    worker = await openPlatform(config, {
      service: 'worker',
      logger: createLogger({ service: 'worker', version: 'test', level: 'warn', pretty: false }),
    });
    const cycles = createCycleService({ db: worker.db, jobs: worker.jobs });
    worker.jobs.consume(
      bindJobContext({
        'system.heartbeat': async () => {},
        'royalties.calculate-cycle': async (data) => void (await cycles.calculateCycle(data.cycleId)),
      }),
      {},
      1,
    );

    const opened = await admin.post('/api/admin/cycles', {
      name: 'January 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-02-01',
    });
    expect(opened).toMatchObject({ status: 201, body: { status: 'open' } });
    cycleId = (opened.body as { id: string }).id;
    expect((await admin.post(`/api/admin/cycles/${cycleId}/lock`)).status).toBe(409);
    expect(await admin.post(`/api/admin/cycles/${cycleId}/calculate`)).toMatchObject({
      status: 202,
      body: { status: 'calculating', progress: { total: 2 } },
    });
    await expect
      .poll(
        async () => ((await admin.get(`/api/admin/cycles/${cycleId}`)).body as { status: string }).status,
        {
          timeout: 20_000,
          interval: 100,
        },
      )
      .toBe('calculated');
    expect(await admin.post(`/api/admin/cycles/${cycleId}/lock`)).toMatchObject({
      status: 200,
      body: { status: 'locked', progress: { done: 2, total: 2 } },
    });

    // Ama is signed to Gold from December 2025: Gold is paid 472 + 150 = 622.
    const statement = await publisher.get(`/api/publisher/statements/${cycleId}`);
    expect(statement).toMatchObject({
      status: 200,
      body: { totals: { payableMinor: 622, heldMinor: 0, totalMinor: 622, plays: 2 } },
    });
    const csv = await publisher.request('GET', `/api/publisher/statements/${cycleId}?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).trim().split('\n').at(-1)).toBe('TOTAL,,,,,,,6.22,');
    const pdf = await fetch(`${stack.url}/api/publisher/statements/${cycleId}?format=pdf`, {
      headers: { cookie: [...publisher.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const artistStatement = await artist.get(`/api/artist/statements/${cycleId}`);
    expect(artistStatement).toMatchObject({ status: 200, body: { totals: { totalMinor: 0 }, lines: [] } });
    const recipients = (await admin.get(`/api/admin/cycles/${cycleId}/recipients`)).body as {
      name: string;
    }[];
    expect(recipients.map((r) => r.name)).toEqual(['Gold']);
    const usage = await admin.request('GET', `/api/admin/cycles/${cycleId}/usage.csv?by=work`);
    expect(String(usage.body)).toContain('Highlife,GHA012600009,2,310,6.22');
    expect((await admin.get(`/api/admin/cycles/${cycleId}/usage?by=nothing`)).status).toBe(400);
  });

  it('holds a disputed play, lets an admin release it, pays out, and records it all', async () => {
    const raised = await publisher.post('/api/publisher/disputes', {
      playId: plays[1],
      reason: 'wrong duration',
    });
    expect(raised).toMatchObject({ status: 201, body: { status: 'open', trackTitle: 'Highlife' } });
    const earnings = await publisher.get('/api/publisher/earnings');
    expect(earnings).toMatchObject({
      status: 200,
      body: { balance: { earnedMinor: 472, heldMinor: 150, availableMinor: 472 } },
    });
    const queue = (
      (await admin.get('/api/admin/disputes?status=open&limit=10')).body as { items: { id: string }[] }
    ).items;
    const disputeId = (raised.body as { id: string }).id;
    expect(queue.map((d) => d.id)).toContain(disputeId);
    expect(
      await admin.post(`/api/admin/disputes/${disputeId}/resolve`, {
        outcome: 'rejected',
        note: 'duration checked',
      }),
    ).toMatchObject({ status: 200, body: { dispute: { status: 'rejected' }, reversedInCycleId: null } });

    const tooMuch = await publisher.post('/api/publisher/payouts', {
      amountMinor: 623,
      method: 'mobile_money',
      destination: '0240000000',
    });
    expect(tooMuch).toMatchObject({ status: 409, body: { message: expect.stringContaining('GHS 6.22') } });
    // A retried request (same Idempotency-Key) gets the first answer, not a second payout.
    const payoutRequest = () =>
      publisher.request('POST', '/api/publisher/payouts', {
        body: { amountMinor: 600, method: 'mobile_money', destination: '0240000000' },
        headers: { 'idempotency-key': 'payout-retry-1' },
      });
    const asked = await payoutRequest();
    expect(asked).toMatchObject({ status: 201, body: { status: 'requested' } });
    expect((await payoutRequest()).body).toEqual(asked.body);
    const payoutId = (asked.body as { id: string }).id;
    expect((await publisher.post(`/api/admin/payouts/${payoutId}/approve`)).status).toBe(403);
    expect((await admin.post(`/api/admin/payouts/${payoutId}/approve`)).status).toBe(200);
    expect(
      await admin.post(`/api/admin/payouts/${payoutId}/paid`, { externalReference: 'MOMO-42' }),
    ).toMatchObject({
      status: 200,
      body: { status: 'paid', externalReference: 'MOMO-42' },
    });
    expect(await admin.get('/api/admin/payouts?status=paid')).toMatchObject({
      status: 200,
      body: { items: [{ id: payoutId, status: 'paid' }], nextCursor: null },
    });
    const audit = (await admin.get('/api/admin/audit?limit=50')).body as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'payout.paid',
        'payout.approved',
        'dispute.rejected',
        'cycle.locked',
        'rate-table.version-added',
      ]),
    );
  });
});
