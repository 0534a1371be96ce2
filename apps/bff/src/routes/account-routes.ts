// Files any signed-in account may attach (images and PDF documents, e.g. a
// station licence or an artist photo) under /api/account.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UploadResult } from '@zamio/contracts';
import type { DocumentService } from '@zamio/files';
import { sessionGuard } from '../plugins/guards';
import { uploadBody } from './responses';

export const accountRoutes: FastifyPluginAsyncTypebox<{ documents: DocumentService }> = async (
  app,
  { documents },
) => {
  const signedIn = sessionGuard('artist', 'station', 'publisher', 'admin');

  app.post(
    '/account/documents',
    {
      schema: { response: { 201: UploadResult } },
      onRequest: signedIn,
      config: { rateLimit: app.rateLimits.upload, idempotent: true },
    },
    async (request, reply) => {
      const { userId, stationId } = signedIn.principalOf(request);
      const document = await documents.attachDocument({ userId, stationId }, () =>
        request.upload('document'),
      );
      return reply.code(201).send(uploadBody(document));
    },
  );
};
