// Files any signed-in account may attach (images and PDF documents, e.g. a
// station licence or an artist photo) under /api/account.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { UploadResult } from '@zamio/contracts';
import { removeStoredUpload } from '@zamio/uploads';
import { requireSessionRole } from '../plugins/authorization';
import { uploadRouteLimit } from '../plugins/rate-limits';
import { receiveUpload } from './receive-upload';
import { insertUpload, toUploadResult } from './upload-rows';
import type { RouteContext } from './route-context';

export async function accountRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const signedIn = requireSessionRole('artist', 'station', 'publisher', 'admin');

  api.post(
    '/account/documents',
    {
      schema: { response: { 201: UploadResult } },
      preHandler: signedIn,
      config: { rateLimit: uploadRouteLimit(ctx.limits) },
    },
    async (request, reply) => {
      const { stored, originalName } = await receiveUpload(request, ctx.uploadRules.document, ctx.uploadDir);
      const owner = { userId: request.principal!.userId, stationId: request.principal!.stationId };
      const row = await insertUpload(ctx.db, stored, owner, originalName).catch(async (error: unknown) => {
        await removeStoredUpload(ctx.uploadDir, stored.storageName);
        throw error;
      });
      return reply.code(201).send(toUploadResult(row));
    },
  );
}
