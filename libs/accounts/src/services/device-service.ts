// A station's capture devices: issue a token (shown once), list, revoke, and
// which station a presented token belongs to.
import type { Database } from '@zamio/db';
import { notFound } from '@zamio/errors';
import * as devices from '../repositories/device-tokens-repository';
import type { Device } from '../repositories/device-tokens-repository';
import { hashDeviceToken, issueDeviceToken } from '../rules/device-tokens';
import type { DevicePrincipal } from '../rules/roles';

export function createDeviceService({ db }: { db: Database }) {
  return {
    async issueDevice(stationId: string, name: string): Promise<{ id: string; name: string; token: string }> {
      const { token, hash } = issueDeviceToken();
      const id = await devices.insert(db, { stationId, name, tokenHash: hash });
      return { id, name, token };
    },

    listDevices: (stationId: string): Promise<Device[]> => devices.listOfStation(db, stationId),

    async revokeDevice(stationId: string, deviceId: string): Promise<void> {
      if (!(await devices.revoke(db, stationId, deviceId))) throw notFound('no such device');
    },

    /** The device behind a live token of an active station account, or undefined. */
    async resolveDeviceToken(token: string): Promise<DevicePrincipal | undefined> {
      const owner = await devices.useLiveToken(db, hashDeviceToken(token));
      return (
        owner && {
          via: 'device-token',
          userId: owner.userId,
          role: 'station',
          stationId: owner.stationId,
          deviceId: owner.deviceId,
        }
      );
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
