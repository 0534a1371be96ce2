// A station's devices, captures, detections, plays and playlogs under
// /api/station. Browser sessions manage devices, read and review; capture
// devices upload with their own token, always into their own station.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  Capture,
  CaptureListQuery,
  CapturePage,
  Detection,
  DetectionListQuery,
  DetectionPage,
  Device,
  DeviceCreateBody,
  IdParams,
  IssuedDevice,
  PlayPage,
  StationPlayListQuery,
  UploadResult,
} from '@zamio/contracts';
import type { DeviceService } from '@zamio/accounts';
import type { AirplayReadService, CaptureService, DetectionReviewService } from '@zamio/airplay';
import { deviceGuard, stationSessionGuard } from '../plugins/guards';
import {
  captureBody,
  dateOrUndefined,
  detectionBody,
  deviceBody,
  pageOf,
  playBody,
  reviewOf,
  uploadBody,
} from './responses';

export interface StationRoutesOptions {
  devices: DeviceService;
  captures: CaptureService;
  airplay: AirplayReadService;
  reviews: DetectionReviewService;
}

/** The capture upload's text fields (sent before the file part). */
const CAPTURE_FIELDS = ['chunk_id', 'started_at', 'duration'] as const;

export const stationRoutes: FastifyPluginAsyncTypebox<StationRoutesOptions> = async (
  app,
  { devices, captures, airplay, reviews },
) => {
  const station = stationSessionGuard();
  const device = deviceGuard();
  const uploadLimit = { rateLimit: app.rateLimits.upload, idempotent: true };

  app.post(
    '/station/devices',
    {
      schema: { body: DeviceCreateBody, response: { 201: IssuedDevice } },
      onRequest: station,
      config: { idempotent: true },
    },
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
    { schema: { querystring: CaptureListQuery, response: { 200: CapturePage } }, onRequest: station },
    async (request) => {
      const { limit, cursor, status, source, from, to } = request.query;
      const page = await airplay.listCaptures(
        station.principalOf(request).stationId,
        { status, source, from: dateOrUndefined(from), to: dateOrUndefined(to) },
        { limit, cursor },
      );
      return pageOf(page, captureBody);
    },
  );

  // 202: stored and queued for matching; poll GET /station/captures for the
  // result. Idempotent by chunk_id: a repeat answers 200 with the first
  // capture (its status and result so far) and stores nothing.
  app.post(
    '/station/captures',
    {
      schema: {
        consumes: ['multipart/form-data'],
        description:
          'Multipart: text fields chunk_id (required), started_at (ISO 8601), duration (seconds), then the file part "file" (5–30 s of audio).',
        response: { 200: Capture, 202: Capture },
      },
      onRequest: device,
      config: uploadLimit,
    },
    async (request, reply) => {
      const { userId, stationId, deviceId } = device.principalOf(request);
      const { capture, created } = await captures.receiveCapture({ userId, stationId, deviceId }, () =>
        request.upload('capture-audio', CAPTURE_FIELDS),
      );
      return reply.code(created ? 202 : 200).send(captureBody(capture));
    },
  );

  app.get(
    '/station/detections',
    { schema: { querystring: DetectionListQuery, response: { 200: DetectionPage } }, onRequest: station },
    async (request) => {
      const { limit, cursor, track, state, from, to } = request.query;
      const page = await airplay.listDetections(
        station.principalOf(request).stationId,
        { trackId: track, review: reviewOf(state), from: dateOrUndefined(from), to: dateOrUndefined(to) },
        { limit, cursor },
      );
      return pageOf(page, detectionBody);
    },
  );

  app.post(
    '/station/detections/:id/confirm',
    { schema: { params: IdParams, response: { 200: Detection } }, onRequest: station },
    async (request) => {
      const { stationId, userId } = station.principalOf(request);
      return detectionBody(await reviews.confirmDetection(stationId, request.params.id, userId));
    },
  );

  // Flagged: excluded from plays until confirmed.
  app.post(
    '/station/detections/:id/flag',
    { schema: { params: IdParams, response: { 200: Detection } }, onRequest: station },
    async (request) => {
      const { stationId, userId } = station.principalOf(request);
      return detectionBody(await reviews.flagDetection(stationId, request.params.id, userId));
    },
  );

  app.get(
    '/station/plays',
    { schema: { querystring: StationPlayListQuery, response: { 200: PlayPage } }, onRequest: station },
    async (request) => {
      const { limit, cursor, track, status, from, to } = request.query;
      const page = await airplay.listStationPlays(
        station.principalOf(request).stationId,
        { trackId: track, status, from: dateOrUndefined(from), to: dateOrUndefined(to) },
        { limit, cursor },
      );
      return pageOf(page, playBody);
    },
  );

  app.post(
    '/station/playlogs',
    { schema: { response: { 201: UploadResult } }, onRequest: station, config: uploadLimit },
    async (request, reply) => {
      const { userId, stationId } = station.principalOf(request);
      const playlog = await captures.receivePlaylog({ userId, stationId }, () =>
        request.upload('playlog-csv'),
      );
      return reply.code(201).send(uploadBody(playlog));
    },
  );
};
