// A station's devices, captures and playlogs under /api/station. Browser
// sessions manage devices and read captures; capture devices upload with
// their own token, always into their own station.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  Capture,
  CHUNK_ID_PATTERN,
  Device,
  DeviceCreateBody,
  IdParams,
  IssuedDevice,
  UploadResult,
} from '@zamio/contracts';
import { createDeviceToken, forbidden, listDevices, notFound, revokeDevice } from '@zamio/auth';
import { removeStoredUpload, UploadRejectedError } from '@zamio/uploads';
import { requireDeviceToken, requireSessionRole } from '../plugins/authorization';
import { uploadRouteLimit } from '../plugins/rate-limits';
import { receiveUpload } from './receive-upload';
import { insertUpload, toUploadResult, UPLOAD_COLUMNS, type UploadRow } from './upload-rows';
import type { RouteContext } from './route-context';

const CHUNK_ID = new RegExp(CHUNK_ID_PATTERN);
const DUPLICATE_CHUNK = new Error('duplicate chunk');

const stationOf = (request: { principal?: { stationId?: string | undefined } | undefined }): string => {
  const stationId = request.principal?.stationId;
  if (!stationId) throw forbidden('this account has no station');
  return stationId;
};

export async function stationRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const stationSession = requireSessionRole('station');

  api.post(
    '/station/devices',
    { schema: { body: DeviceCreateBody, response: { 201: IssuedDevice } }, preHandler: stationSession },
    async (request, reply) => {
      const issued = await createDeviceToken(ctx.db, stationOf(request), request.body.name);
      request.log.info({ deviceId: issued.id }, 'capture device token issued');
      return reply.code(201).send({ id: issued.id, name: request.body.name, token: issued.token });
    },
  );

  api.get(
    '/station/devices',
    { schema: { response: { 200: Type.Array(Device) } }, preHandler: stationSession },
    async (request) =>
      (await listDevices(ctx.db, stationOf(request))).map((d) => ({
        id: d.id,
        name: d.name,
        createdAt: new Date(d.created_at).toISOString(),
        lastUsedAt: d.last_used_at ? new Date(d.last_used_at).toISOString() : null,
        revoked: d.revoked_at !== null,
      })),
  );

  api.delete(
    '/station/devices/:id',
    { schema: { params: IdParams }, preHandler: stationSession },
    async (request, reply) => {
      if (!(await revokeDevice(ctx.db, stationOf(request), request.params.id)))
        throw notFound('no such device');
      return reply.code(204).send();
    },
  );

  api.get(
    '/station/captures',
    { schema: { response: { 200: Type.Array(Capture) } }, preHandler: stationSession },
    async (request) => {
      const { rows } = await ctx.db.query<
        UploadRow & { capture_id: string; chunk_id: string; captured_at: Date }
      >(
        `SELECT c.id AS capture_id, c.chunk_id, c.captured_at, ${UPLOAD_COLUMNS.split(', ')
          .map((c) => `u.${c}`)
          .join(', ')}
         FROM captures c JOIN uploads u ON u.id = c.upload_id WHERE c.station_id = $1 ORDER BY c.captured_at DESC LIMIT 500`,
        [stationOf(request)],
      );
      return rows.map((r) => ({
        id: r.capture_id,
        chunkId: r.chunk_id,
        capturedAt: new Date(r.captured_at).toISOString(),
        upload: toUploadResult(r),
      }));
    },
  );

  // Idempotent by chunk_id: a repeated chunk answers 200 with the first capture.
  api.post(
    '/station/captures',
    {
      schema: { response: { 200: Capture, 201: Capture } },
      preHandler: requireDeviceToken,
      config: { rateLimit: uploadRouteLimit(ctx.limits) },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const stationId = stationOf(request);
      const { stored, fields, originalName } = await receiveUpload(
        request,
        ctx.uploadRules['capture-audio'],
        ctx.uploadDir,
        ['chunk_id'],
      );
      const chunkId = fields.chunk_id;
      if (!chunkId || !CHUNK_ID.test(chunkId)) {
        await removeStoredUpload(ctx.uploadDir, stored.storageName);
        throw new UploadRejectedError(
          400,
          `field "chunk_id" (sent before the file) must match ${CHUNK_ID_PATTERN}`,
        );
      }
      let created;
      try {
        created = await ctx.db.transaction(async (tx) => {
          const upload = await insertUpload(
            tx,
            stored,
            { userId: principal.userId, stationId },
            originalName,
          );
          const inserted = await tx.query<{ id: string; captured_at: Date }>(
            'INSERT INTO captures (station_id, chunk_id, upload_id, device_id) VALUES ($1, $2, $3, $4) ON CONFLICT (station_id, chunk_id) DO NOTHING RETURNING id, captured_at',
            [stationId, chunkId, upload.id, principal.deviceId ?? null],
          );
          // A repeated chunk: roll the upload row back too.
          if (!inserted.rows[0]) throw DUPLICATE_CHUNK;
          return { capture: inserted.rows[0], upload };
        });
      } catch (error) {
        await removeStoredUpload(ctx.uploadDir, stored.storageName);
        if (error !== DUPLICATE_CHUNK) throw error;
      }
      if (created) {
        return reply.code(201).send({
          id: created.capture.id,
          chunkId,
          capturedAt: new Date(created.capture.captured_at).toISOString(),
          upload: toUploadResult(created.upload),
        });
      }
      const { rows } = await ctx.db.query<UploadRow & { capture_id: string; captured_at: Date }>(
        `SELECT c.id AS capture_id, c.captured_at, ${UPLOAD_COLUMNS.split(', ')
          .map((c) => `u.${c}`)
          .join(', ')}
         FROM captures c JOIN uploads u ON u.id = c.upload_id WHERE c.station_id = $1 AND c.chunk_id = $2`,
        [stationId, chunkId],
      );
      const existing = rows[0]!;
      return reply.code(200).send({
        id: existing.capture_id,
        chunkId,
        capturedAt: new Date(existing.captured_at).toISOString(),
        upload: toUploadResult(existing),
      });
    },
  );

  api.post(
    '/station/playlogs',
    {
      schema: { response: { 201: UploadResult } },
      preHandler: stationSession,
      config: { rateLimit: uploadRouteLimit(ctx.limits) },
    },
    async (request, reply) => {
      const stationId = stationOf(request);
      const { stored, originalName } = await receiveUpload(
        request,
        ctx.uploadRules['playlog-csv'],
        ctx.uploadDir,
      );
      const row = await insertUpload(
        ctx.db,
        stored,
        { userId: request.principal!.userId, stationId },
        originalName,
      ).catch(async (error: unknown) => {
        await removeStoredUpload(ctx.uploadDir, stored.storageName);
        throw error;
      });
      return reply.code(201).send(toUploadResult(row));
    },
  );
}
