// An artist's own tracks under /api/artist. Every query is scoped by the
// signed-in artist's id: another artist's track is simply "not found".
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { IdParams, Track, TrackCreateBody } from '@zamio/contracts';
import type { Queryable } from '@zamio/db';
import { notFound } from '@zamio/auth';
import { removeStoredUpload } from '@zamio/uploads';
import { requireSessionRole } from '../plugins/authorization';
import { uploadRouteLimit } from '../plugins/rate-limits';
import { receiveUpload } from './receive-upload';
import { insertUpload, toUploadResult, type UploadRow } from './upload-rows';
import type { RouteContext } from './route-context';

interface TrackRow {
  id: string;
  title: string;
  isrc: string | null;
  created_at: Date;
  upload_id: string | null;
  kind: UploadRow['kind'] | null;
  size_bytes: string | null;
  sha256: string | null;
  mime_type: string | null;
  duration_ms: number | null;
  sample_rate: number | null;
}

const TRACK_SELECT = `SELECT t.id, t.title, t.isrc, t.created_at, u.id AS upload_id, u.kind, u.size_bytes, u.sha256, u.mime_type, u.duration_ms, u.sample_rate
  FROM tracks t LEFT JOIN uploads u ON u.id = t.audio_upload_id`;

const toTrack = (row: TrackRow): Track => ({
  id: row.id,
  title: row.title,
  isrc: row.isrc,
  createdAt: new Date(row.created_at).toISOString(),
  audio: row.upload_id
    ? toUploadResult({
        id: row.upload_id,
        kind: row.kind!,
        size_bytes: row.size_bytes!,
        sha256: row.sha256!,
        mime_type: row.mime_type!,
        duration_ms: row.duration_ms,
        sample_rate: row.sample_rate,
      })
    : null,
});

async function ownTrack(db: Queryable, artistId: string, trackId: string): Promise<TrackRow> {
  const { rows } = await db.query<TrackRow>(`${TRACK_SELECT} WHERE t.id = $1 AND t.artist_user_id = $2`, [
    trackId,
    artistId,
  ]);
  if (!rows[0]) throw notFound('no such track');
  return rows[0];
}

export async function artistRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.addHook('preHandler', requireSessionRole('artist'));

  api.get('/artist/tracks', { schema: { response: { 200: Type.Array(Track) } } }, async (request) => {
    const { rows } = await ctx.db.query<TrackRow>(
      `${TRACK_SELECT} WHERE t.artist_user_id = $1 ORDER BY t.created_at DESC, t.id LIMIT 500`,
      [request.principal!.userId],
    );
    return rows.map(toTrack);
  });

  api.get('/artist/tracks/:id', { schema: { params: IdParams, response: { 200: Track } } }, async (request) =>
    toTrack(await ownTrack(ctx.db, request.principal!.userId, request.params.id)),
  );

  api.post(
    '/artist/tracks',
    { schema: { body: TrackCreateBody, response: { 201: Track } } },
    async (request, reply) => {
      const { rows } = await ctx.db.query<{ id: string }>(
        'INSERT INTO tracks (artist_user_id, title, isrc) VALUES ($1, $2, $3) RETURNING id',
        [request.principal!.userId, request.body.title, request.body.isrc ?? null],
      );
      return reply.code(201).send(toTrack(await ownTrack(ctx.db, request.principal!.userId, rows[0]!.id)));
    },
  );

  // The audio of an existing track; ownership is checked before any byte is stored.
  api.put(
    '/artist/tracks/:id/audio',
    {
      schema: { params: IdParams, response: { 200: Track } },
      config: { rateLimit: uploadRouteLimit(ctx.limits) },
    },
    async (request) => {
      const artistId = request.principal!.userId;
      await ownTrack(ctx.db, artistId, request.params.id);
      const { stored, originalName } = await receiveUpload(
        request,
        ctx.uploadRules['track-audio'],
        ctx.uploadDir,
      );
      try {
        await ctx.db.transaction(async (tx) => {
          const upload = await insertUpload(tx, stored, { userId: artistId }, originalName);
          await tx.query('UPDATE tracks SET audio_upload_id = $1 WHERE id = $2 AND artist_user_id = $3', [
            upload.id,
            request.params.id,
            artistId,
          ]);
        });
      } catch (error) {
        await removeStoredUpload(ctx.uploadDir, stored.storageName);
        throw error;
      }
      request.log.info(
        { trackId: request.params.id, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
        'track audio stored',
      );
      return toTrack(await ownTrack(ctx.db, artistId, request.params.id));
    },
  );
}
