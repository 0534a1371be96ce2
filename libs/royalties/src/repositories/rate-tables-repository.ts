// All SQL of the rate tables: effective-dated versions and their per-class
// rates. A version is only ever added; the database freezes one that priced a play.
import type { Queryable } from '@zamio/db';
import type { ClassRate, RateTable } from '../rate-table.ts';
import { STATION_CLASSES, type StationClass } from '../station-class.ts';

export interface RateTableVersion extends RateTable {
  effectiveFrom: Date;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
  /** Plays priced with this version (a used version is frozen). */
  pricedPlays: number;
}

interface RateRow {
  id: string;
  effective_from: Date;
  note: string | null;
  created_by: string | null;
  created_at: Date;
  priced_plays: string;
  station_class: StationClass;
  base_rate_micro: string;
  prime_bp: number;
  regular_bp: number;
  off_peak_bp: number;
}

function toVersions(rows: RateRow[]): RateTableVersion[] {
  const versions = new Map<string, { head: RateRow; rates: Partial<Record<StationClass, ClassRate>> }>();
  for (const row of rows) {
    const entry = versions.get(row.id) ?? { head: row, rates: {} };
    entry.rates[row.station_class] = {
      baseRateMicro: Number(row.base_rate_micro),
      multipliersBp: { prime: row.prime_bp, regular: row.regular_bp, off_peak: row.off_peak_bp },
    };
    versions.set(row.id, entry);
  }
  return [...versions.values()].map(({ head, rates }) => ({
    id: head.id,
    effectiveFrom: new Date(head.effective_from),
    effectiveFromMs: new Date(head.effective_from).getTime(),
    note: head.note,
    createdBy: head.created_by,
    createdAt: new Date(head.created_at),
    pricedPlays: Number(head.priced_plays),
    rates: rates as Record<StationClass, ClassRate>,
  }));
}

const SELECT_VERSIONS = `SELECT v.id, v.effective_from, v.note, v.created_by, v.created_at,
       (SELECT count(*) FROM play_pricings pp WHERE pp.rate_version_id = v.id) AS priced_plays,
       r.station_class, r.base_rate_micro, r.prime_bp, r.regular_bp, r.off_peak_bp
  FROM rate_table_versions v JOIN rate_table_rates r ON r.version_id = v.id`;

/** Every version, newest effective date first (the history the editor shows). */
export async function listAll(db: Queryable): Promise<RateTableVersion[]> {
  const { rows } = await db.query<RateRow>(
    `${SELECT_VERSIONS} ORDER BY v.effective_from DESC, r.station_class`,
  );
  return toVersions(rows);
}

export async function findById(db: Queryable, id: string): Promise<RateTableVersion | undefined> {
  const { rows } = await db.query<RateRow>(`${SELECT_VERSIONS} WHERE v.id = $1 ORDER BY r.station_class`, [
    id,
  ]);
  return toVersions(rows)[0];
}

/** Writes a version and its five class rates; the database checks completeness at commit. */
export async function insert(
  db: Queryable,
  version: {
    effectiveFrom: Date;
    note: string | null;
    createdBy: string;
    rates: Record<StationClass, ClassRate>;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO rate_table_versions (effective_from, note, created_by) VALUES ($1, $2, $3) RETURNING id`,
    [version.effectiveFrom, version.note, version.createdBy],
  );
  const id = rows[0]!.id;
  const rates = STATION_CLASSES.map((c) => version.rates[c]);
  await db.query(
    `INSERT INTO rate_table_rates (version_id, station_class, base_rate_micro, prime_bp, regular_bp, off_peak_bp)
     SELECT $1, r.c, r.base, r.prime, r.regular, r.off_peak
       FROM unnest($2::text[], $3::int8[], $4::int4[], $5::int4[], $6::int4[]) AS r(c, base, prime, regular, off_peak)`,
    [
      id,
      [...STATION_CLASSES],
      rates.map((r) => r.baseRateMicro),
      rates.map((r) => r.multipliersBp.prime),
      rates.map((r) => r.multipliersBp.regular),
      rates.map((r) => r.multipliersBp.off_peak),
    ],
  );
  return id;
}

/** Whether a play starting at or after `from` has already been priced (a new version must not reprice history). */
export async function pricedPlayStartedSince(db: Queryable, from: Date): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM play_pricings pp JOIN plays p ON p.id = pp.play_id
                     WHERE pp.rate_version_id IS NOT NULL AND p.started_at >= $1) AS found`,
    [from],
  );
  return rows[0]!.found;
}
