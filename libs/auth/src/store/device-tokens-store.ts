// Device tokens of a station: issued once, stored hashed, revocable.
import type { Queryable } from '@zamio/db';
import { hashDeviceToken, issueDeviceToken } from '../device-tokens';

export interface DeviceRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface DevicePrincipalRow {
  device_id: string;
  station_id: string;
  user_id: string;
}

export async function createDeviceToken(
  db: Queryable,
  stationId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const { token, hash } = issueDeviceToken();
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO device_tokens (station_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id',
    [stationId, name, hash],
  );
  return { id: rows[0]!.id, token };
}

/** The station (and its owner) a live token belongs to; the owner must still be active. */
export async function findDevicePrincipal(
  db: Queryable,
  token: string,
): Promise<DevicePrincipalRow | undefined> {
  const { rows } = await db.query<DevicePrincipalRow>(
    `UPDATE device_tokens d SET last_used_at = now()
       FROM stations s JOIN users u ON u.id = s.owner_user_id
      WHERE d.token_hash = $1 AND d.revoked_at IS NULL AND s.id = d.station_id AND u.status = 'active'
      RETURNING d.id AS device_id, d.station_id, u.id AS user_id`,
    [hashDeviceToken(token)],
  );
  return rows[0];
}

export async function listDevices(db: Queryable, stationId: string): Promise<DeviceRow[]> {
  const { rows } = await db.query<DeviceRow>(
    'SELECT id, name, created_at, last_used_at, revoked_at FROM device_tokens WHERE station_id = $1 ORDER BY created_at',
    [stationId],
  );
  return rows;
}

/** Revokes only within the given station, so one station cannot revoke another's devices. */
export async function revokeDevice(db: Queryable, stationId: string, deviceId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE device_tokens SET revoked_at = now() WHERE id = $1 AND station_id = $2 AND revoked_at IS NULL',
    [deviceId, stationId],
  );
  return rowCount > 0;
}
