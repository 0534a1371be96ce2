// Resumable track audio (tus 1.0) under /api/artist/tracks/:id/audio/uploads:
// POST creates an upload (Upload-Length required, within the track-audio
// limit), HEAD tells its offset, PATCH appends a part, DELETE abandons it.
// Each request is authorised here — the track must be the signed-in artist's,
// the upload must have been created by that artist for that track (anything
// else is 404) — then handed to libs/uploads' tus server. The final PATCH
// stores the file exactly like PUT …/audio does and answers 200 with the track.
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { IdParams } from '@zamio/contracts';
import type { TrackService } from '@zamio/catalog';
import { notFound } from '@zamio/errors';
import type { FinishedUpload, ResumableAnswer, ResumableUploads } from '@zamio/uploads';
import { sessionGuard } from '../plugins/guards';
import { trackBody } from './responses';

export interface ResumableUploadRoutesOptions {
  tracks: TrackService;
  trackAudioUploads: ResumableUploads;
}

const UploadParams = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    uploadId: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'the id in the Location of the upload' }),
  },
  { additionalProperties: false },
);

/** tus headers worth passing on (CORS and framing headers are Fastify's business). */
const PASSED_HEADERS = new Set([
  'tus-resumable',
  'tus-version',
  'tus-extension',
  'tus-max-size',
  'upload-offset',
  'upload-length',
  'upload-expires',
  'upload-metadata',
  'location',
  'cache-control',
  'content-type',
]);

export const resumableUploadRoutes: FastifyPluginAsyncTypebox<ResumableUploadRoutesOptions> = async (
  app,
  { tracks, trackAudioUploads: uploads },
) => {
  const artist = sessionGuard('artist');
  app.addHook('onRequest', artist);
  // A part's bytes are streamed by the tus server from the raw request: never parsed here.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const finishFor = (userId: string, trackId: string) => ({
    owner: { userId, targetId: trackId },
    finish: async (receive: () => Promise<FinishedUpload>) =>
      trackBody(
        await tracks.replaceTrackAudio(userId, trackId, async () => {
          const { stored, originalName } = await receive();
          return { stored, fields: {}, originalName };
        }),
      ),
  });

  app.post(
    '/artist/tracks/:id/audio/uploads',
    {
      schema: { params: IdParams },
      config: { rateLimit: app.rateLimits.upload },
    },
    async (request, reply) => {
      const { userId } = artist.principalOf(request);
      await tracks.getTrack(userId, request.params.id);
      return answer(
        reply,
        await uploads.handle(request.raw, reply.raw, finishFor(userId, request.params.id)),
      );
    },
  );

  app.route({
    method: ['HEAD', 'PATCH', 'DELETE'],
    url: '/artist/tracks/:id/audio/uploads/:uploadId',
    schema: { params: UploadParams },
    handler: async (request, reply) => {
      const { userId } = artist.principalOf(request);
      const { id, uploadId } = request.params;
      const owner = await uploads.ownerOf(uploadId);
      // Someone else's upload, or one for another track, cannot be told from a missing one.
      if (!owner || owner.userId !== userId || owner.targetId !== id) throw notFound('no such upload');
      return answer(reply, await uploads.handle(request.raw, reply.raw, finishFor(userId, id)));
    },
  });
};

/** The tus server's answer through Fastify (logging, security headers, the one error shape). */
async function answer(
  reply: FastifyReply,
  { response, finishError }: ResumableAnswer,
): Promise<FastifyReply> {
  reply.header('tus-resumable', response.headers.get('tus-resumable') ?? '1.0.0');
  const body = await response.text();
  if (response.status >= 400) {
    // The finishing PATCH failed in the pipeline: the same error as PUT …/audio gives.
    if (finishError) throw finishError;
    throw tusError(response.status, body);
  }
  for (const [name, value] of response.headers) if (PASSED_HEADERS.has(name)) reply.header(name, value);
  return reply.code(response.status).send(body.length > 0 ? body : undefined);
}

/** tus's own refusals (409 offset conflict, 410 expired, 413 part too large, …) as an error the handler maps. */
function tusError(status: number, body: string): Error {
  const message = body.trim() || 'the upload request was refused';
  return Object.assign(new Error(status >= 500 ? `resumable upload failed: ${message}` : message), {
    statusCode: status,
  });
}
