// Baseline for the bff benchmark: a plain node:http + pg server doing the same
// work as the bff's /livez and GET /api/system/heartbeats (same SQL, same JSON
// shape — and, as the route is admin-only, the same signed-cookie check and
// session lookup), with none of the framework, logging, metrics or security layers.
import { createServer } from 'node:http';
import pg from 'pg';
import { createSessionCookieSigner, hashSessionId, SESSION_COOKIE } from '@zamio/accounts';

// Started by run-bench.ts (through libs/testing's runEntry) with its port and database.
const port = Number(process.env.PLAIN_PORT);
const pool = new pg.Pool({ connectionString: process.env.PLAIN_DATABASE_URL, max: 10 });
const signer = createSessionCookieSigner([process.env.PLAIN_SESSION_SECRET ?? '']);

/** The admin behind the request's session cookie (the bff's session plugin and admin guard, by hand). */
async function isAdmin(cookieHeader: string | undefined): Promise<boolean> {
  const raw = cookieHeader
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === SESSION_COOKIE)?.[1];
  const session = raw ? signer.unsign(decodeURIComponent(raw)) : undefined;
  if (!session) return false;
  const { rows } = await pool.query<{ role: string }>(
    `SELECT u.role FROM sessions s JOIN users u ON u.id = s.user_id
      LEFT JOIN stations st ON st.owner_user_id = u.id
      WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
    [hashSessionId(session.sessionId)],
  );
  return rows[0]?.role === 'admin';
}

const server = createServer((request, response) => {
  const send = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    response
      .writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      })
      .end(text);
  };
  if (request.url === '/livez')
    return send(200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  if (request.url === '/api/system/heartbeats') {
    isAdmin(request.headers.cookie)
      .then(async (admin) => {
        if (!admin) return send(401, { error: 'sign in as an admin' });
        await answerHeartbeats();
      })
      .catch(() => send(503, { error: 'database unavailable' }));
    return;
  }
  send(404, { error: 'not found' });

  async function answerHeartbeats() {
    await pool
      .query<{
        service: string;
        instance: string;
        version: string;
        request_id: string | null;
        beat_at: Date;
      }>(
        'SELECT service, instance, version, request_id, beat_at FROM service_heartbeats ORDER BY beat_at DESC LIMIT 50',
      )
      .then(({ rows }) =>
        send(
          200,
          rows.map((r) => ({
            service: r.service,
            instance: r.instance,
            version: r.version,
            requestId: r.request_id,
            beatAt: new Date(r.beat_at).toISOString(),
          })),
        ),
      )
      .catch(() => send(503, { error: 'database unavailable' }));
  }
});
server.keepAliveTimeout = 95_000;
server.listen(port, '127.0.0.1', () => console.log(JSON.stringify({ msg: 'plain server listening', port })));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
