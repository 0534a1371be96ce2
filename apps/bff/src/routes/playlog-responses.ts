// Playlog records → the API's shapes: ISO dates, lengths in seconds.
import type { Play, Playlog, PlaylogEntry } from '@zamio/airplay';
import type {
  Playlog as PlaylogBody,
  PlaylogEntry as PlaylogEntryBody,
  ReconciledPlay as ReconciledPlayBody,
} from '@zamio/contracts';

export const playlogBody = (playlog: Playlog): PlaylogBody => ({
  id: playlog.id,
  rowCount: playlog.rowCount,
  importedCount: playlog.importedCount,
  rejectedRows: playlog.rejectedRows,
  firstPlayedAt: playlog.firstPlayedAt?.toISOString() ?? null,
  lastEndedAt: playlog.lastEndedAt?.toISOString() ?? null,
  createdAt: playlog.createdAt.toISOString(),
});

export const playlogEntryBody = (entry: PlaylogEntry): PlaylogEntryBody => ({
  id: entry.id,
  row: entry.row,
  title: entry.title,
  artist: entry.artist,
  isrc: entry.isrc,
  playedAt: entry.playedAt.toISOString(),
  durationSeconds: entry.durationMs / 1000,
  trackId: entry.trackId,
});

export const reconciledPlayBody = (play: Play): ReconciledPlayBody => ({
  id: play.id,
  trackId: play.trackId,
  trackTitle: play.trackTitle,
  startedAt: play.startedAt.toISOString(),
  endedAt: play.endedAt.toISOString(),
  durationSeconds: play.durationMs / 1000,
});
