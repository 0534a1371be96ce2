// Playing stored audio back to its owner: an artist's track, a station's
// capture. The browser's audio element asks for byte ranges as it seeks, so
// one Range (206 + Content-Range; 416 + `bytes */size` past the end) is served
// straight from storage, a directory or an S3 bucket alike. The services check
// ownership (404 for anyone else's ids); these routes only map HTTP.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CaptureAudioService } from '@zamio/airplay';
import type { TrackAudioService } from '@zamio/catalog';
import { IdParams } from '@zamio/contracts';
import type { OpenedUpload } from '@zamio/files';
import { parseRangeHeader } from '@zamio/http';
import { StorageRangeNotSatisfiableError } from '@zamio/uploads';
import { sessionGuard, stationSessionGuard } from '../plugins/guards';

export interface AudioRoutesOptions {
  trackAudio: TrackAudioService;
  captureAudio: CaptureAudioService;
}

async function serveAudio(
  request: FastifyRequest,
  reply: FastifyReply,
  open: (range: ReturnType<typeof parseRangeHeader>) => Promise<OpenedUpload>,
) {
  let audio: OpenedUpload;
  try {
    audio = await open(parseRangeHeader(request.headers.range));
  } catch (error) {
    if (error instanceof StorageRangeNotSatisfiableError && Number.isFinite(error.size))
      reply.header('content-range', `bytes */${error.size}`);
    throw error;
  }
  // Stored objects never change (a new upload gets a new key): the checksum is a strong validator.
  const etag = `"${audio.sha256}"`;
  const ifRange = request.headers['if-range'];
  if (audio.range && ifRange !== undefined && ifRange !== etag) {
    // If-Range names another version than the stored one (or a date): the
    // client's partial copy is of other bytes, so it gets the whole file.
    audio.body.destroy();
    audio = await open(undefined);
  }
  reply
    .header('content-type', audio.mimeType)
    .header('accept-ranges', 'bytes')
    .header('etag', etag)
    .header('cache-control', 'private, max-age=300')
    .header('content-disposition', 'inline');
  if (audio.range) {
    const { start, end } = audio.range;
    reply
      .code(206)
      .header('content-range', `bytes ${start}-${end}/${audio.size}`)
      .header('content-length', end - start + 1);
  } else reply.header('content-length', audio.size);
  return reply.send(audio.body);
}

export const audioRoutes: FastifyPluginAsyncTypebox<AudioRoutesOptions> = async (
  app,
  { trackAudio, captureAudio },
) => {
  const artist = sessionGuard('artist');
  const station = stationSessionGuard();

  app.get(
    '/artist/tracks/:id/audio',
    { schema: { params: IdParams }, preHandler: artist },
    async (request, reply) =>
      serveAudio(request, reply, (range) =>
        trackAudio.openTrackAudio(artist.principalOf(request).userId, request.params.id, range),
      ),
  );

  app.get(
    '/station/captures/:id/audio',
    { schema: { params: IdParams }, preHandler: station },
    async (request, reply) =>
      serveAudio(request, reply, (range) =>
        captureAudio.openCaptureAudio(station.principalOf(request).stationId, request.params.id, range),
      ),
  );
};
