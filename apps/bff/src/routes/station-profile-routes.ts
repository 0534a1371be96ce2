// A station's profile under /api/station/profile: its class and timezone price
// its plays, so the station keeps them true.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { StationProfile, StationProfileUpdateBody } from '@zamio/contracts';
import type { Station, StationProfileService } from '@zamio/airplay';
import { stationSessionGuard } from '../plugins/guards';

const profileBody = ({ name, stationClass, region, timezone }: Station): StationProfile => ({
  name,
  stationClass,
  region,
  timezone,
});

export const stationProfileRoutes: FastifyPluginAsyncTypebox<{ profiles: StationProfileService }> = async (
  app,
  { profiles },
) => {
  const station = stationSessionGuard();

  app.get(
    '/station/profile',
    { schema: { response: { 200: StationProfile } }, onRequest: station },
    async (request) => profileBody(await profiles.getStationProfile(station.principalOf(request).stationId)),
  );

  app.put(
    '/station/profile',
    { schema: { body: StationProfileUpdateBody, response: { 200: StationProfile } }, onRequest: station },
    async (request) => {
      const { stationId } = station.principalOf(request);
      const updated = await profiles.updateStationProfile(stationId, request.body);
      request.log.info({ stationId, fields: Object.keys(request.body) }, 'station profile changed');
      return profileBody(updated);
    },
  );
};
