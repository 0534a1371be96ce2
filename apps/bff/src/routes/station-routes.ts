// A station's devices and captures under /api/station (playlogs: playlog-routes.ts). Browser
// sessions manage devices and read captures; capture devices upload with
// their own token, always into their own station.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Capture, Device, DeviceCreateBody, IdParams, IssuedDevice } from '@zamio/contracts';
import type { DeviceService } from '@zamio/accounts';
import type { CaptureService } from '@zamio/airplay';
import { deviceGuard, stationSessionGuard } from '../plugins/guards';
import { captureBody, deviceBody } from './responses';

export interface StationRoutesOptions {
  devices: DeviceService;
  captures: CaptureService;
}

export const stationRoutes: FastifyPluginAsyncTypebox<StationRoutesOptions> = async (
  app,
  { devices, captures },
) => {
  const station = stationSessionGuard();
  const device = deviceGuard();
  const uploadLimit = { rateLimit: app.rateLimits.upload };

  app.post(
    '/station/devices',
    { schema: { body: DeviceCreateBody, response: { 201: IssuedDevice } }, onRequest: station },
    async (request, reply) => {
      const issued = await devices.issueDevice(station.principalOf(request).stationId, request.body.name);
      request.log.info({ deviceId: issued.id }, 'capture device token issued');
      return reply.code(201).send(issued);
    },
  );

  app.get(
    '/station/devices',
    { schema: { response: { 200: Type.Array(Device) } }, onRequest: station },
    async (request) => (await devices.listDevices(station.principalOf(request).stationId)).map(deviceBody),
  );

  app.delete(
    '/station/devices/:id',
    { schema: { params: IdParams }, onRequest: station },
    async (request, reply) => {
      await devices.revokeDevice(station.principalOf(request).stationId, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/station/captures',
    { schema: { response: { 200: Type.Array(Capture) } }, onRequest: station },
    async (request) => (await captures.listCaptures(station.principalOf(request).stationId)).map(captureBody),
  );

  // Idempotent by chunk_id: a repeated chunk answers 200 with the first capture.
  app.post(
    '/station/captures',
    { schema: { response: { 200: Capture, 201: Capture } }, onRequest: device, config: uploadLimit },
    async (request, reply) => {
      const { userId, stationId, deviceId } = device.principalOf(request);
      const { capture, created } = await captures.receiveCapture({ userId, stationId, deviceId }, () =>
        request.upload('capture-audio', ['chunk_id']),
      );
      return reply.code(created ? 201 : 200).send(captureBody(capture));
    },
  );
};
