// A station's own profile: read it, change name, class, region or timezone.
import type { Database } from '@zamio/db';
import { invalid, notFound } from '@zamio/errors';
import * as stations from '../repositories/stations-repository';
import type { Station, StationClass } from '../repositories/stations-repository';
import { isKnownTimeZone } from '../rules/station-timezone';

export interface StationProfileChange {
  name?: string | undefined;
  stationClass?: StationClass | undefined;
  region?: string | null | undefined;
  timezone?: string | undefined;
}

export function createStationProfileService({ db }: { db: Database }) {
  return {
    async getStationProfile(stationId: string): Promise<Station> {
      const station = await stations.findById(db, stationId);
      if (!station) throw notFound('station not found');
      return station;
    },

    async updateStationProfile(stationId: string, change: StationProfileChange): Promise<Station> {
      if (change.timezone !== undefined && !isKnownTimeZone(change.timezone))
        throw invalid(
          `field "timezone": "${change.timezone}" is not a known IANA timezone (e.g. Africa/Accra)`,
        );
      return db.transaction(async (tx) => {
        const current = await stations.findById(tx, stationId);
        if (!current) throw notFound('station not found');
        const updated = await stations.updateProfile(tx, stationId, {
          name: change.name?.trim() ?? current.name,
          stationClass: change.stationClass ?? current.stationClass,
          region: change.region === undefined ? current.region : change.region?.trim() || null,
          timezone: change.timezone ?? current.timezone,
        });
        if (!updated) throw notFound('station not found');
        return updated;
      });
    },
  };
}

export type StationProfileService = ReturnType<typeof createStationProfileService>;
