// The admin operations API on the real bff (Postgres, Redis/BullMQ): reject
// with a reason (audited, shown at sign-in), the paged users list, the
// stations list with stream health, the system status, and the heartbeat
// routes, which only admins may call.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatsRepository } from '@zamio/system-status';
import type { Queryable } from '@zamio/db';
import { startSecureStack, TEST_PASSWORD, type SecureStack } from '../security/support/secure-stack';
import type { ApiClient } from '../security/support/api-client';

let stack: SecureStack;
let admin: ApiClient;

beforeAll(async () => {
  stack = await startSecureStack();
  admin = await stack.admin();
});
afterAll(async () => {
  await stack?.stop();
});

const unique = () => Math.random().toString(36).slice(2, 8);

async function signUp(role: 'artist' | 'station' | 'publisher', name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${unique()}@example.test`;
  const created = await stack
    .client()
    .post('/api/auth/signup', { email, password: TEST_PASSWORD, displayName: name, role });
  expect(created.status).toBe(201);
  return { email, id: (created.body as { id: string }).id };
}

interface UserBody {
  id: string;
  email: string;
  role: string;
  status: string;
  rejectionReason: string | null;
  rejectedAt: string | null;
}

describe('rejecting an account', () => {
  it('rejects a pending station with a reason, audits it, and its owner reads the reason at sign-in', async () => {
    const fm = await signUp('station', 'Reject FM');
    const rejected = await admin.post(`/api/admin/users/${fm.id}/reject`, {
      reason: 'No broadcasting licence was attached.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      id: fm.id,
      status: 'rejected',
      rejectionReason: 'No broadcasting licence was attached.',
      rejectedAt: expect.any(String),
    });

    const login = await stack.client().login(fm.email, TEST_PASSWORD);
    expect(login.status).toBe(403);
    expect((login.body as { message: string }).message).toMatch(
      /not approved.*Reason: No broadcasting licence was attached\.$/,
    );

    const audit = await admin.get(`/api/admin/audit?subjectType=user&subjectId=${fm.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body).toEqual([
      expect.objectContaining({
        action: 'account.reject',
        actorId: admin.userId,
        actorName: 'Demo Admin',
        details: expect.objectContaining({ reason: 'No broadcasting licence was attached.' }),
      }),
    ]);
  });

  it('answers a short reason 400 naming it, a second rejection 409, an unknown id 404 — nothing written', async () => {
    const pub = await signUp('publisher', 'Refused Publishing');
    const short = await admin.post(`/api/admin/users/${pub.id}/reject`, { reason: 'no' });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toMatch(/reason/);
    const missing = await admin.post(`/api/admin/users/${pub.id}/reject`, {});
    expect(missing.status).toBe(400);
    expect((await admin.get(`/api/admin/users?search=${encodeURIComponent(pub.email)}`)).body).toMatchObject({
      items: [{ id: pub.id, status: 'pending', rejectionReason: null }],
    });

    expect((await admin.post(`/api/admin/users/${pub.id}/reject`, { reason: 'Not registered' })).status).toBe(
      200,
    );
    const again = await admin.post(`/api/admin/users/${pub.id}/reject`, { reason: 'Still not registered' });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toMatch(/only a pending account can be rejected/);
    expect(
      (await admin.post('/api/admin/users/00000000-0000-4000-8000-000000000000/reject', { reason: 'Who?' }))
        .status,
    ).toBe(404);
    const audit = await admin.get(`/api/admin/audit?subjectType=user&subjectId=${pub.id}`);
    expect((audit.body as { action: string }[]).map((entry) => entry.action)).toEqual(['account.reject']);
  });

  it('is for admins only', async () => {
    const fm = await signUp('station', 'Guarded FM');
    const artist = await stack.account('artist', 'nosy-artist');
    expect((await artist.post(`/api/admin/users/${fm.id}/reject`, { reason: 'Because' })).status).toBe(403);
    expect(
      (await stack.client().post(`/api/admin/users/${fm.id}/reject`, { reason: 'Because' })).status,
    ).toBe(401);
  });

  it('approving writes an audit entry too', async () => {
    const fm = await signUp('station', 'Approved FM');
    expect((await admin.post(`/api/admin/users/${fm.id}/approve`, {})).status).toBe(200);
    const audit = await admin.get(`/api/admin/audit?subjectType=user&subjectId=${fm.id}`);
    expect(audit.body).toEqual([
      expect.objectContaining({
        action: 'account.approve',
        details: expect.objectContaining({ from: 'pending' }),
      }),
    ]);
  });
});

describe('the users list', () => {
  it('pages on the server, newest first, filtered by role and status', async () => {
    const tag = unique();
    for (let i = 0; i < 3; i++) await signUp('publisher', `pager-${tag}-${i}`);
    const query = `role=publisher&status=pending&search=pager-${tag}&limit=2`;
    const first = (await admin.get(`/api/admin/users?${query}`)).body as {
      items: UserBody[];
      nextCursor: string | null;
    };
    expect(first.items.map((u) => u.email.split('-').slice(0, 3).join('-'))).toEqual([
      `pager-${tag}-2`,
      `pager-${tag}-1`,
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await admin.get(`/api/admin/users?${query}&cursor=${first.nextCursor}`)).body as {
      items: UserBody[];
      nextCursor: string | null;
    };
    expect(second.items.map((u) => u.email.split('-').slice(0, 3).join('-'))).toEqual([`pager-${tag}-0`]);
    expect(second.nextCursor).toBeNull();
    const bad = await admin.get('/api/admin/users?status=sleeping');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/status/);
  });
});

describe('the stations list', () => {
  it('shows class, region, account state and stream health, filtered', async () => {
    const fm = await signUp('station', 'Listed FM');
    const station = await stack.account('station', 'healthy-fm');
    expect(
      (
        await station.request('PUT', '/api/station/profile', {
          body: { stationClass: 'class_b', region: 'Ashanti' },
        })
      ).status,
    ).toBe(200);
    // A monitored stream the worker's checks found down (set directly: no stream server runs here).
    const stationId = ((await station.get('/api/auth/me')).body as { user: { id: string } }).user.id;
    const sql = new pg.Client({ connectionString: stack.databaseUrl });
    await sql.connect();
    await sql.query(
      `INSERT INTO station_streams (station_id, url, state)
       SELECT id, 'https://radio.example.com/live.mp3', 'down' FROM stations WHERE owner_user_id = $1`,
      [stationId],
    );
    await sql.end();

    const ashanti = await admin.get('/api/admin/stations?region=ashanti&stationClass=class_b');
    expect(ashanti.status).toBe(200);
    expect(ashanti.body).toMatchObject({
      items: [
        {
          name: 'healthy-fm',
          stationClass: 'class_b',
          region: 'Ashanti',
          accountStatus: 'active',
          streams: { total: 1, up: 0, down: 1, unknown: 0 },
        },
      ],
      nextCursor: null,
    });
    const down = (await admin.get('/api/admin/stations?streamState=down')).body as {
      items: { name: string }[];
    };
    expect(down.items.map((s) => s.name)).toContain('healthy-fm');
    const pending = (await admin.get('/api/admin/stations?accountStatus=pending&search=listed')).body as {
      items: { ownerUserId: string; streams: { total: number } }[];
    };
    expect(pending.items).toEqual([
      expect.objectContaining({ ownerUserId: fm.id, streams: expect.objectContaining({ total: 0 }) }),
    ]);
    expect((await station.get('/api/admin/stations')).status).toBe(403);
  });
});

describe('system status and heartbeats', () => {
  it('heartbeat routes are admin-only', async () => {
    const artist = await stack.account('artist', 'beat-artist');
    expect((await stack.client().post('/api/system/heartbeat')).status).toBe(401);
    expect((await stack.client().get('/api/system/heartbeats')).status).toBe(401);
    expect((await artist.post('/api/system/heartbeat')).status).toBe(403);
    expect((await artist.get('/api/system/heartbeats')).status).toBe(403);
    expect((await artist.get('/api/admin/system')).status).toBe(403);
    const requested = await admin.post('/api/system/heartbeat');
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ jobId: expect.any(String), requestId: expect.any(String) });
    expect((await admin.get('/api/system/heartbeats')).status).toBe(200);
  });

  it('reports the bff live, workers from their heartbeats (stale when old), queues and streams', async () => {
    const sql = new pg.Client({ connectionString: stack.databaseUrl });
    await sql.connect();
    const db = sql as unknown as Queryable;
    try {
      await heartbeatsRepository.record(db, {
        service: 'worker',
        instance: 'worker-a:1',
        version: '9.9.9',
        revision: 'abc1234',
        requestId: 'req-1',
        health: {
          status: 'degraded',
          service: 'worker',
          version: '9.9.9',
          revision: 'abc1234',
          uptimeSeconds: 42,
          shuttingDown: false,
          checks: [{ name: 'redis', status: 'down', latencyMs: 3, error: 'ECONNREFUSED' }],
        },
      });
      await heartbeatsRepository.record(db, {
        service: 'worker',
        instance: 'worker-old:2',
        version: '9.9.8',
        requestId: undefined,
      });
      await db.query(
        "UPDATE service_heartbeats SET beat_at = now() - interval '1 hour' WHERE instance = 'worker-old:2'",
      );
    } finally {
      await sql.end();
    }
    // A heartbeat nobody takes yet (no worker runs here) waits in the system queue.
    expect((await admin.post('/api/system/heartbeat')).status).toBe(202);

    const status = await admin.get('/api/admin/system');
    expect(status.status).toBe(200);
    const body = status.body as {
      state: string;
      services: {
        service: string;
        instance: string;
        state: string;
        source: string;
        version: string;
        revision: string | null;
        checks: { name: string; status: string; error?: string }[];
      }[];
      queues: { queue: string; waiting: number; failed: number }[];
      streams: Record<string, number>;
    };
    const bff = body.services.find((s) => s.service === 'bff')!;
    expect(bff).toMatchObject({ source: 'live', version: expect.any(String) });
    expect(bff.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['postgres', 'redis']));
    expect(body.services.find((s) => s.instance === 'worker-a:1')).toMatchObject({
      state: 'degraded',
      source: 'heartbeat',
      version: '9.9.9',
      revision: 'abc1234',
      checks: [{ name: 'redis', status: 'down', error: 'ECONNREFUSED' }],
    });
    expect(body.services.find((s) => s.instance === 'worker-old:2')).toMatchObject({
      state: 'stale',
      revision: null,
    });
    expect(body.state).toBe('degraded');
    expect(body.queues.find((q) => q.queue === 'system')?.waiting).toBeGreaterThanOrEqual(1);
    expect(body.streams).toEqual({
      total: expect.any(Number),
      up: expect.any(Number),
      down: expect.any(Number),
      unknown: expect.any(Number),
      inactive: expect.any(Number),
    });
  });
});

describe('OpenAPI', () => {
  it('documents the operations routes with their schemas', async () => {
    const doc = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string }[] }>>;
    };
    expect(doc.paths['/api/admin/users/{id}/reject']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/admin/users']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['status', 'role', 'search', 'cursor', 'limit']),
    );
    expect(doc.paths['/api/admin/stations']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['stationClass', 'region', 'accountStatus', 'streamState']),
    );
    for (const path of ['/api/admin/system', '/api/system/heartbeats'])
      expect(doc.paths[path]?.get, path).toBeDefined();
    expect(doc.paths['/api/system/heartbeat']?.post).toBeDefined();
  });
});
