// All SQL of the service_heartbeats table: the last beat of each service
// instance (one row per instance, overwritten by each beat).
import type { Queryable } from '@zamio/db';
import type { HealthReport } from '@zamio/health';

export interface Heartbeat {
  service: string;
  instance: string;
  version: string;
  /** The release revision (null for beats recorded before it was kept). */
  revision: string | null;
  requestId: string | null;
  /** The instance's own health report at the beat, when it sent one. */
  health: HealthReport | null;
  beatAt: Date;
}

interface HeartbeatRow {
  service: string;
  instance: string;
  version: string;
  revision: string | null;
  request_id: string | null;
  health: HealthReport | string | null;
  beat_at: Date;
}

export async function record(
  db: Queryable,
  beat: {
    service: string;
    instance: string;
    version: string;
    revision?: string | undefined;
    requestId: string | undefined;
    health?: HealthReport | undefined;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO service_heartbeats (service, instance, version, revision, request_id, health, beat_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (service, instance)
     DO UPDATE SET version = EXCLUDED.version, revision = EXCLUDED.revision, request_id = EXCLUDED.request_id,
                   health = EXCLUDED.health, beat_at = EXCLUDED.beat_at`,
    [
      beat.service,
      beat.instance,
      beat.version,
      beat.revision ?? null,
      beat.requestId ?? null,
      beat.health ? JSON.stringify(beat.health) : null,
    ],
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
    `SELECT service, instance, version, revision, request_id, health, beat_at FROM service_heartbeats
      ORDER BY beat_at DESC LIMIT ${RECENT_HEARTBEATS}`,
  );
  return rows.map((row) => ({
    service: row.service,
    instance: row.instance,
    version: row.version,
    revision: row.revision,
    requestId: row.request_id,
    health: typeof row.health === 'string' ? (JSON.parse(row.health) as HealthReport) : row.health,
    beatAt: new Date(row.beat_at),
  }));
}
