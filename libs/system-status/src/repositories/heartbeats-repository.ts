// All SQL of the service_heartbeats table: the last beat of each service
// instance (one row per instance, overwritten by each beat).
import type { Queryable } from '@zamio/db';

export interface Heartbeat {
  service: string;
  instance: string;
  version: string;
  requestId: string | null;
  beatAt: Date;
}

interface HeartbeatRow {
  service: string;
  instance: string;
  version: string;
  request_id: string | null;
  beat_at: Date;
}

export async function record(
  db: Queryable,
  beat: { service: string; instance: string; version: string; requestId: string | undefined },
): Promise<void> {
  await db.query(
    `INSERT INTO service_heartbeats (service, instance, version, request_id, beat_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (service, instance)
     DO UPDATE SET version = EXCLUDED.version, request_id = EXCLUDED.request_id, beat_at = EXCLUDED.beat_at`,
    [beat.service, beat.instance, beat.version, beat.requestId ?? null],
  );
}

/** The status page shows this many of the newest beats. */
export const RECENT_HEARTBEATS = 50;

/**
 * The newest beats first. No parameters, so pg sends it as one simple-protocol
 * message (the status page polls it; see docs/performance.md).
 */
export async function listRecent(db: Queryable): Promise<Heartbeat[]> {
  const { rows } = await db.query<HeartbeatRow>(
    `SELECT service, instance, version, request_id, beat_at FROM service_heartbeats
      ORDER BY beat_at DESC LIMIT ${RECENT_HEARTBEATS}`,
  );
  return rows.map((row) => ({
    service: row.service,
    instance: row.instance,
    version: row.version,
    requestId: row.request_id,
    beatAt: new Date(row.beat_at),
  }));
}
