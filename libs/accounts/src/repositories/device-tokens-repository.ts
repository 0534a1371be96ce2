// All SQL of the device_tokens table: a station's capture-device tokens,
// stored only as hashes, revocable. Every query is scoped by station, so one
// station never sees or revokes another's devices.
import type { Queryable } from '@zamio/db';

export interface Device {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface DeviceOwner {
  deviceId: string;
  stationId: string;
  userId: string;
}

interface DeviceRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toDevice = (row: DeviceRow): Device => ({
  id: row.id,
  name: row.name,
  createdAt: new Date(row.created_at),
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at) : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
});

export async function insert(
  db: Queryable,
  device: { stationId: string; name: string; tokenHash: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO device_tokens (station_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id',
    [device.stationId, device.name, device.tokenHash],
  );
  return rows[0]!.id;
}

/** The station (and its owner, who must be active) of a live token; marks the token used. */
export async function useLiveToken(db: Queryable, tokenHash: string): Promise<DeviceOwner | undefined> {
  const { rows } = await db.query<{ device_id: string; station_id: string; user_id: string }>(
    `UPDATE device_tokens d SET last_used_at = now()
       FROM stations s JOIN users u ON u.id = s.owner_user_id
      WHERE d.token_hash = $1 AND d.revoked_at IS NULL AND s.id = d.station_id AND u.status = 'active'
      RETURNING d.id AS device_id, d.station_id, u.id AS user_id`,
    [tokenHash],
  );
  const row = rows[0];
  return row ? { deviceId: row.device_id, stationId: row.station_id, userId: row.user_id } : undefined;
}

export async function listOfStation(db: Queryable, stationId: string): Promise<Device[]> {
  const { rows } = await db.query<DeviceRow>(
    `SELECT id, name, created_at, last_used_at, revoked_at
       FROM device_tokens WHERE station_id = $1 ORDER BY created_at`,
    [stationId],
  );
  return rows.map(toDevice);
}

/** Revokes within the given station only; false when no such live device. */
export async function revoke(db: Queryable, stationId: string, deviceId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE device_tokens SET revoked_at = now() WHERE id = $1 AND station_id = $2 AND revoked_at IS NULL',
    [deviceId, stationId],
  );
  return rowCount > 0;
}
