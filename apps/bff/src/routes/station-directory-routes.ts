// GET /api/admin/stations: every station with its class, region, account
// state and stream health, for the admins' Stations page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AdminStationListQuery, AdminStationPage } from '@zamio/contracts';
import type { StationDirectory } from '@zamio/airplay';
import { sessionGuard } from '../plugins/guards';
import { adminStationBody, pageOf } from './responses';

export const stationDirectoryRoutes: FastifyPluginAsyncTypebox<{ stations: StationDirectory }> = async (
  app,
  { stations },
) => {
  app.addHook('onRequest', sessionGuard('admin'));
  app.get(
    '/admin/stations',
    { schema: { querystring: AdminStationListQuery, response: { 200: AdminStationPage } } },
    async (request) => {
      const { limit, cursor, sort, order, ...filter } = request.query;
      return pageOf(await stations.listStations(filter, { limit, cursor, sort, order }), adminStationBody);
    },
  );
};
