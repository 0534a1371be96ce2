// A station's playlog CSV, read and checked row by row (pure): a header with
// title, artist, isrc, played_at, duration (any order and case; isrc may be
// empty), then one row per play. Every problem of a row is reported with its
// line number and field, so the station can fix the file in one go.
// Parsing is csv-parse's (RFC 4180 quoting, embedded newlines, BOM): a
// hand-rolled split breaks on the first quoted comma.
import { parse } from 'csv-parse/sync';
import { invalid } from '@zamio/errors';
import type { NewPlaylogEntry, RejectedRow } from '../repositories/playlogs-repository';

export const PLAYLOG_COLUMNS = ['title', 'artist', 'isrc', 'played_at', 'duration'] as const;
const REQUIRED_COLUMNS = ['title', 'artist', 'played_at', 'duration'] as const;
/** Rows one file may hold (a busy station plays ~400 tracks a day: a year's log fits). */
export const PLAYLOG_MAX_ROWS = 200_000;
const TEXT_MAX = 300;
const DAY_MS = 86_400_000;

/** A row as read, before the catalogue is consulted (trackId comes from the ISRC later). */
export type ParsedPlaylogEntry = Omit<NewPlaylogEntry, 'trackId'>;

export interface ParsedPlaylog {
  /** Data rows in the file (the header not counted). */
  rowCount: number;
  entries: ParsedPlaylogEntry[];
  rejected: RejectedRow[];
}

const ISRC = /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;

/** ISRC as stored: upper case, no hyphens or spaces; undefined when it is not one. */
export function normalisePlaylogIsrc(typed: string): string | undefined {
  const compact = typed.replace(/[-\s]/g, '').toUpperCase();
  return ISRC.test(compact) ? compact : undefined;
}

/**
 * Reads the file. A file that is not a CSV playlog at all (no header with the
 * required columns, broken quoting) throws `invalid`; row problems are
 * returned in `rejected`, never thrown.
 */
export function parsePlaylogCsv(content: string | Uint8Array, options: { timezone: string }): ParsedPlaylog {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(typeof content === 'string' ? content : Buffer.from(content), {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
      max_record_size: 64 * 1024,
    }) as never;
  } catch (error) {
    throw invalid(`the file is not a readable CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw invalid(`the file is empty; expected a header row: ${PLAYLOG_COLUMNS.join(',')}`);
  const names = header.record.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0)
    throw invalid(
      `the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(expected ${PLAYLOG_COLUMNS.join(',')}; isrc may be left empty)`,
    );
  if (rows.length > PLAYLOG_MAX_ROWS)
    throw invalid(`the file has ${rows.length} rows; at most ${PLAYLOG_MAX_ROWS} per upload`);
  const index = Object.fromEntries(PLAYLOG_COLUMNS.map((column) => [column, names.indexOf(column)]));

  const entries: ParsedPlaylogEntry[] = [];
  const rejected: RejectedRow[] = [];
  for (const { record, info } of rows) {
    const row = info.lines;
    const problems: RejectedRow['problems'] = [];
    const cell = (column: (typeof PLAYLOG_COLUMNS)[number]) =>
      index[column]! >= 0 ? (record[index[column]!] ?? '').trim() : '';
    if (record.length !== header.record.length)
      problems.push({
        field: 'row',
        message: `has ${record.length} fields; the header has ${header.record.length}`,
      });

    const text = (field: 'title' | 'artist') => {
      const value = cell(field);
      if (!value) problems.push({ field, message: 'is empty' });
      else if (value.length > TEXT_MAX)
        problems.push({ field, message: `is longer than ${TEXT_MAX} characters` });
      return value;
    };
    const title = text('title');
    const artist = text('artist');

    let isrc: string | null = null;
    const typedIsrc = cell('isrc');
    if (typedIsrc) {
      isrc = normalisePlaylogIsrc(typedIsrc) ?? null;
      if (!isrc)
        problems.push({
          field: 'isrc',
          message: `"${typedIsrc}" is not an ISRC (CC-XXX-YY-NNNNN, e.g. GH-A12-26-00001)`,
        });
    }

    const playedAt = parsePlayedAt(cell('played_at'), options.timezone);
    if (typeof playedAt === 'string') problems.push({ field: 'played_at', message: playedAt });

    const durationMs = parseDuration(cell('duration'));
    if (typeof durationMs === 'string') problems.push({ field: 'duration', message: durationMs });

    if (problems.length > 0) rejected.push({ row, problems });
    else
      entries.push({
        row,
        title,
        artist,
        isrc,
        playedAt: playedAt as Date,
        durationMs: durationMs as number,
      });
  }
  return { rowCount: rows.length, entries, rejected };
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** ISO 8601 with an offset, or a local `YYYY-MM-DD HH:MM[:SS]` in the station's timezone. */
function parsePlayedAt(value: string, timezone: string): Date | string {
  if (!value) return 'is empty';
  const expected = 'expected e.g. 2026-03-01T14:05:00Z, or 2026-03-01 14:05:00 in the station’s timezone';
  if (ISO_WITH_ZONE.test(value)) {
    const date = new Date(value.replace(' ', 'T'));
    return Number.isNaN(date.getTime()) ? `"${value}" is not a valid date-time (${expected})` : date;
  }
  const local = LOCAL.exec(value);
  if (!local) return `"${value}" is not a date-time (${expected})`;
  const [year, month, day, hour, minute, second] = local.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59)
    return `"${value}" is not a valid date-time (${expected})`;
  return new Date(wall - offsetMs(timezone, wall));
}

/** The zone's offset from UTC (ms) near the wall-clock instant, via Intl (two passes for DST edges). */
function offsetMs(timezone: string, wall: number): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    return asUtc - Math.floor(instant / 1000) * 1000;
  };
  const first = offsetAt(wall);
  return offsetAt(wall - first);
}

/** Seconds (`215`, `215.5`) or a clock length (`3:35`, `1:02:03`), more than 0 and under a day. */
function parseDuration(value: string): number | string {
  if (!value) return 'is empty';
  let ms: number | undefined;
  if (/^\d+(\.\d+)?$/.test(value)) ms = Math.round(Number(value) * 1000);
  else {
    const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(value);
    if (clock && Number(clock[3]) < 60 && (clock[1] === undefined || Number(clock[2]) < 60))
      ms = (Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3])) * 1000;
  }
  if (ms === undefined) return `"${value}" is not a length (seconds like 215, or 3:35)`;
  if (ms <= 0) return 'must be more than 0 seconds';
  if (ms >= DAY_MS) return 'must be less than a day';
  return ms;
}
