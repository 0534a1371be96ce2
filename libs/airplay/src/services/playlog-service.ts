// A station's playlogs: import a CSV (row-by-row report; a file with errors
// imports nothing unless the station asks for its valid rows), list them,
// and reconcile one against the plays detected over the same hours.
import { PLAYLOG_IMPORT_VALID_ROWS_FIELD } from '@zamio/contracts';
import type { Database, Page, PageRequest } from '@zamio/db';
import { invalid, notFound } from '@zamio/errors';
import { tracksRepository } from '@zamio/catalog';
import { discardOnFailure, uploadsRepository, type ReceiveUpload, type UploadStorage } from '@zamio/files';
import * as playlogs from '../repositories/playlogs-repository';
import type { Playlog, PlaylogEntry, RejectedRow } from '../repositories/playlogs-repository';
import * as plays from '../repositories/plays-repository';
import type { Play } from '../repositories/plays-repository';
import * as stations from '../repositories/stations-repository';
import { parsePlaylogCsv } from '../rules/playlog-csv';
import { RECONCILE_TOLERANCE_MS, reconcilePlaylog, type Reconciliation } from '../rules/reconcile-playlog';

/** Reads a stored upload's bytes back (the CSV just received). */
export type ReadStoredUpload = (storageName: string) => Promise<Uint8Array>;

export type PlaylogImport =
  | { outcome: 'imported'; playlog: Playlog }
  /** Nothing was kept: the station fixes the rows, or sends the file again with "import valid rows". */
  | { outcome: 'rejected'; rowCount: number; validCount: number; rejectedRows: RejectedRow[] };

export type PlaylogReconciliation = Reconciliation<PlaylogEntry & { id: string }, Play> & {
  playlog: Playlog;
  toleranceMs: number;
};

/** The multipart field (sent before the file) that asks for the valid rows of a file with errors. */
export const IMPORT_VALID_ROWS_FIELD = PLAYLOG_IMPORT_VALID_ROWS_FIELD;

/** A rejected import keeps nothing; its file is removed like a failed request's. */
class RejectedPlaylog extends Error {
  constructor(readonly result: Extract<PlaylogImport, { outcome: 'rejected' }>) {
    super('playlog rejected');
  }
}

export function createPlaylogService({
  db,
  storage,
  readStoredUpload,
}: {
  db: Database;
  storage: UploadStorage;
  readStoredUpload: ReadStoredUpload;
}) {
  return {
    async importPlaylog(
      uploader: { userId: string; stationId: string },
      receive: ReceiveUpload,
    ): Promise<PlaylogImport> {
      const { stored, fields, originalName } = await receive();
      try {
        return await discardOnFailure(storage, stored, async () => {
          const flag = fields[IMPORT_VALID_ROWS_FIELD];
          if (flag !== undefined && flag !== 'true' && flag !== 'false')
            throw invalid(`field "${IMPORT_VALID_ROWS_FIELD}" must be true or false`);
          const station = await stations.findById(db, uploader.stationId);
          if (!station) throw notFound('no such station');
          const parsed = parsePlaylogCsv(await readStoredUpload(stored.storageName), {
            timezone: station.timezone,
          });
          if (parsed.rejected.length > 0 && flag !== 'true')
            throw new RejectedPlaylog({
              outcome: 'rejected',
              rowCount: parsed.rowCount,
              validCount: parsed.entries.length,
              rejectedRows: parsed.rejected,
            });
          if (parsed.entries.length === 0) throw invalid('the file has no valid rows to import');
          return db.transaction(async (tx) => {
            const upload = await uploadsRepository.insert(tx, stored, uploader, originalName);
            const isrcs = [...new Set(parsed.entries.flatMap((entry) => (entry.isrc ? [entry.isrc] : [])))];
            const trackIds = isrcs.length > 0 ? await tracksRepository.idsByIsrc(tx, isrcs) : new Map();
            const id = await playlogs.insert(tx, {
              stationId: uploader.stationId,
              uploadId: upload.id,
              uploadedBy: uploader.userId,
              rowCount: parsed.rowCount,
              rejectedRows: parsed.rejected,
              entries: parsed.entries.map((entry) => ({
                ...entry,
                trackId: (entry.isrc && trackIds.get(entry.isrc)) || null,
              })),
            });
            const playlog = await playlogs.findOwned(tx, uploader.stationId, id);
            if (!playlog) throw new Error(`playlog ${id} vanished inside its own transaction`);
            return { outcome: 'imported', playlog } as const;
          });
        });
      } catch (error) {
        if (error instanceof RejectedPlaylog) return error.result;
        throw error;
      }
    },

    listPlaylogs: (stationId: string, page: PageRequest<'createdAt'>): Promise<Page<Playlog>> =>
      playlogs.listOfStation(db, stationId, page),

    async getPlaylog(
      stationId: string,
      playlogId: string,
    ): Promise<{ playlog: Playlog; entries: PlaylogEntry[] }> {
      const playlog = await playlogs.findOwned(db, stationId, playlogId);
      if (!playlog) throw notFound('no such playlog');
      return { playlog, entries: await playlogs.entriesOf(db, playlogId) };
    },

    /** Rows against the station's counted plays over the playlog's hours (± the tolerance). */
    async reconcilePlaylog(
      stationId: string,
      playlogId: string,
      toleranceMs = RECONCILE_TOLERANCE_MS,
    ): Promise<PlaylogReconciliation> {
      const playlog = await playlogs.findOwned(db, stationId, playlogId);
      if (!playlog) throw notFound('no such playlog');
      const entries = await playlogs.entriesOf(db, playlogId);
      const detected =
        playlog.firstPlayedAt && playlog.lastEndedAt
          ? await plays.activeOfStationBetween(
              db,
              stationId,
              new Date(playlog.firstPlayedAt.getTime() - toleranceMs),
              new Date(playlog.lastEndedAt.getTime() + toleranceMs),
            )
          : [];
      return { playlog, toleranceMs, ...reconcilePlaylog(entries, detected, toleranceMs) };
    },
  };
}

export type PlaylogService = ReturnType<typeof createPlaylogService>;
