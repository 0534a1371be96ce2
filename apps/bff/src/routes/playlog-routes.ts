// A station's playlogs under /api/station/playlogs: upload a CSV (201 with the
// report, or 422 with every bad row and nothing imported unless the form says
// import_valid_rows=true), list, read one with its rows, and reconcile it
// against the detected plays.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  Playlog,
  PlaylogDetail,
  PlaylogListQuery,
  PlaylogPage,
  PlaylogReconciliation,
  PlaylogReconciliationQuery,
  PlaylogRejected,
  PLAYLOG_IMPORT_VALID_ROWS_FIELD,
} from '@zamio/contracts';
import type { PlaylogService } from '@zamio/airplay';
import { stationSessionGuard } from '../plugins/guards';
import { playlogBody, playlogEntryBody, reconciledPlayBody } from './playlog-responses';

export const playlogRoutes: FastifyPluginAsyncTypebox<{ playlogs: PlaylogService }> = async (
  app,
  { playlogs },
) => {
  const station = stationSessionGuard();

  app.post(
    '/station/playlogs',
    {
      schema: { response: { 201: Playlog, 422: PlaylogRejected } },
      onRequest: station,
      // A retried upload (same Idempotency-Key) answers the first result, never a second playlog.
      config: { rateLimit: app.rateLimits.upload, idempotent: true },
    },
    async (request, reply) => {
      const { userId, stationId } = station.principalOf(request);
      const result = await playlogs.importPlaylog({ userId, stationId }, () =>
        request.upload('playlog-csv', [PLAYLOG_IMPORT_VALID_ROWS_FIELD]),
      );
      if (result.outcome === 'rejected') {
        const bad = result.rejectedRows.length;
        return reply.code(422).send({
          statusCode: 422,
          error: 'Unprocessable Entity',
          message:
            `${bad} of ${result.rowCount} rows have errors; nothing was imported. Fix them, or send ` +
            `${PLAYLOG_IMPORT_VALID_ROWS_FIELD}=true to import the ${result.validCount} valid rows.`,
          rowCount: result.rowCount,
          validCount: result.validCount,
          rejectedRows: result.rejectedRows,
        });
      }
      request.log.info(
        { playlogId: result.playlog.id, imported: result.playlog.importedCount },
        'playlog imported',
      );
      return reply.code(201).send(playlogBody(result.playlog));
    },
  );

  app.get(
    '/station/playlogs',
    { schema: { querystring: PlaylogListQuery, response: { 200: PlaylogPage } }, onRequest: station },
    async (request) => {
      const page = await playlogs.listPlaylogs(station.principalOf(request).stationId, {
        limit: request.query.limit,
        cursor: request.query.cursor,
        sort: 'createdAt',
        order: 'desc',
      });
      return { items: page.items.map(playlogBody), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/station/playlogs/:id',
    { schema: { params: IdParams, response: { 200: PlaylogDetail } }, onRequest: station },
    async (request) => {
      const { playlog, entries } = await playlogs.getPlaylog(
        station.principalOf(request).stationId,
        request.params.id,
      );
      return { playlog: playlogBody(playlog), entries: entries.map(playlogEntryBody) };
    },
  );

  app.get(
    '/station/playlogs/:id/reconciliation',
    {
      schema: {
        params: IdParams,
        querystring: PlaylogReconciliationQuery,
        response: { 200: PlaylogReconciliation },
      },
      onRequest: station,
    },
    async (request) => {
      const { toleranceMinutes } = request.query;
      const result = await playlogs.reconcilePlaylog(
        station.principalOf(request).stationId,
        request.params.id,
        toleranceMinutes * 60_000,
      );
      return {
        playlog: playlogBody(result.playlog),
        toleranceMinutes,
        summary: {
          matched: result.matched.length,
          onlyInPlaylog: result.onlyInPlaylog.length,
          onlyDetected: result.onlyDetected.length,
        },
        matched: result.matched.map((m) => ({
          entry: playlogEntryBody(m.entry),
          play: reconciledPlayBody(m.play),
          startDifferenceSeconds: m.startDifferenceMs / 1000,
        })),
        onlyInPlaylog: result.onlyInPlaylog.map((o) => ({
          entry: playlogEntryBody(o.entry),
          unknownTrack: o.unknownTrack,
        })),
        onlyDetected: result.onlyDetected.map(reconciledPlayBody),
      };
    },
  );
};
