// All SQL of play pricings, and the reads a calculation needs: the plays of
// a cycle still to price (active, in the cycle's local days, never priced),
// plays changed after their cycle was locked, and the shares in force at
// each play's start (with the publisher each contributor was paid through).
import type { Queryable } from '@zamio/db';
import type { StationClass } from '../station-class.ts';

export interface PlayToPrice {
  playId: string;
  version: number;
  status: 'active' | 'flagged' | 'merged';
  stationId: string;
  stationClass: StationClass;
  timezone: string;
  startedAt: Date;
  durationMs: number;
  trackId: string;
  artistId: string;
}

export interface PlayShare {
  playId: string;
  /** Null when the track has no split set in force: the track's artist takes 100 %. */
  contributorId: string | null;
  /** The contributor's account, or null for an outside party. */
  userId: string | null;
  shareBp: number;
  /** Paid through this publisher (relationship in force at the play, else the split's own). */
  publisherUserId: string | null;
}

interface PlayRow {
  id: string;
  version: number;
  status: PlayToPrice['status'];
  station_id: string;
  station_class: StationClass;
  timezone: string;
  started_at: Date;
  duration_ms: number;
  track_id: string;
  artist_user_id: string;
}

const toPlay = (r: PlayRow): PlayToPrice => ({
  playId: r.id,
  version: r.version,
  status: r.status,
  stationId: r.station_id,
  stationClass: r.station_class,
  timezone: r.timezone,
  startedAt: new Date(r.started_at),
  durationMs: r.duration_ms,
  trackId: r.track_id,
  artistId: r.artist_user_id,
});

const SELECT_PLAY = `SELECT p.id, p.version, p.status, p.station_id, s.station_class, s.timezone, p.started_at, p.duration_ms,
       p.track_id, t.artist_user_id
  FROM plays p JOIN stations s ON s.id = p.station_id JOIN tracks t ON t.id = p.track_id`;

// The local day of the play's start in its station's zone decides its cycle.
const IN_PERIOD = `(p.started_at AT TIME ZONE s.timezone)::date >= $1::date
   AND (p.started_at AT TIME ZONE s.timezone)::date < $2::date`;
// A play whose dispute was upheld is never paid.
const NOT_UPHELD = `NOT EXISTS (SELECT 1 FROM disputes d WHERE d.play_id = p.id AND d.status = 'upheld')`;
const UNPRICED = `p.status = 'active' AND NOT EXISTS (SELECT 1 FROM play_pricings pp WHERE pp.play_id = p.id)
   AND ${NOT_UPHELD}`;

/** Next plays of the period never priced, in (start, id) order. */
export async function unpricedInPeriod(
  db: Queryable,
  period: { start: string; end: string },
  limit: number,
): Promise<PlayToPrice[]> {
  const { rows } = await db.query<PlayRow>(
    `${SELECT_PLAY} WHERE ${IN_PERIOD} AND ${UNPRICED} ORDER BY p.started_at, p.id LIMIT $3`,
    [period.start, period.end, limit],
  );
  return rows.map(toPlay);
}

export async function countUnpricedInPeriod(
  db: Queryable,
  period: { start: string; end: string },
): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM plays p JOIN stations s ON s.id = p.station_id WHERE ${IN_PERIOD} AND ${UNPRICED}`,
    [period.start, period.end],
  );
  return Number(rows[0]!.n);
}

// Plays whose latest pricing is in a locked cycle ending by this cycle's
// start, and that changed since (bounds or status: version grew).
const STALE = `FROM plays p JOIN stations s ON s.id = p.station_id JOIN tracks t ON t.id = p.track_id
  JOIN LATERAL (SELECT pp.cycle_id, pp.play_version FROM play_pricings pp WHERE pp.play_id = p.id
                 ORDER BY pp.created_at DESC, pp.id DESC LIMIT 1) last ON true
  JOIN royalty_cycles c ON c.id = last.cycle_id AND c.status = 'locked' AND c.period_end <= $2::date
  WHERE last.play_version <> p.version AND ${NOT_UPHELD}
    AND NOT EXISTS (SELECT 1 FROM play_pricings x WHERE x.play_id = p.id AND x.cycle_id = $1)`;

/** Plays changed after their cycle was locked, to correct in cycle `cycleId` (starting `periodStart`). */
export async function staleBefore(
  db: Queryable,
  cycleId: string,
  periodStart: string,
  limit: number,
): Promise<PlayToPrice[]> {
  const { rows } = await db.query<PlayRow>(
    `SELECT p.id, p.version, p.status, p.station_id, s.station_class, s.timezone, p.started_at, p.duration_ms,
            p.track_id, t.artist_user_id ${STALE} ORDER BY p.started_at, p.id LIMIT $3`,
    [cycleId, periodStart, limit],
  );
  return rows.map(toPlay);
}

export async function countStaleBefore(db: Queryable, cycleId: string, periodStart: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n ${STALE}`, [cycleId, periodStart]);
  return Number(rows[0]!.n);
}

export async function countPricedInCycle(db: Queryable, cycleId: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM play_pricings WHERE cycle_id = $1',
    [cycleId],
  );
  return Number(rows[0]!.n);
}

/** The shares in force at each play's start, ordered by play then contributor. */
export async function sharesAtPlay(db: Queryable, playIds: readonly string[]): Promise<PlayShare[]> {
  if (playIds.length === 0) return [];
  const { rows } = await db.query<{
    play_id: string;
    contributor_id: string | null;
    user_id: string | null;
    share_bp: number;
    publisher_user_id: string | null;
  }>(
    `SELECT p.id AS play_id, sp.contributor_id, c.user_id, sp.share_bp,
            COALESCE(rel.publisher_user_id, sp.publisher_user_id) AS publisher_user_id
       FROM plays p
       JOIN LATERAL (SELECT ss.id FROM track_split_sets ss
                      WHERE ss.track_id = p.track_id AND ss.effective_from <= p.started_at
                      ORDER BY ss.effective_from DESC LIMIT 1) ss ON true
       JOIN track_splits sp ON sp.split_set_id = ss.id
       JOIN contributors c ON c.id = sp.contributor_id
       LEFT JOIN LATERAL (SELECT r.publisher_user_id FROM publisher_relationships r
                           WHERE r.artist_user_id = c.user_id AND r.accepted_at IS NOT NULL
                             AND r.effective_from <= p.started_at AND (r.ended_at IS NULL OR r.ended_at > p.started_at)
                           ORDER BY r.effective_from DESC LIMIT 1) rel ON true
      WHERE p.id = ANY($1::uuid[])
      ORDER BY p.id, sp.contributor_id`,
    [[...playIds]],
  );
  return rows.map((r) => ({
    playId: r.play_id,
    contributorId: r.contributor_id,
    userId: r.user_id,
    shareBp: r.share_bp,
    publisherUserId: r.publisher_user_id,
  }));
}

/** The publisher in force for an account at an instant (for plays of tracks without splits). */
export async function publishersAt(
  db: Queryable,
  plays: readonly { playId: string; artistId: string; startedAt: Date }[],
): Promise<Map<string, string>> {
  if (plays.length === 0) return new Map();
  const { rows } = await db.query<{ play_id: string; publisher_user_id: string }>(
    `SELECT q.play_id, r.publisher_user_id
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS q(play_id, artist_id, started_at)
       JOIN LATERAL (SELECT r.publisher_user_id FROM publisher_relationships r
                      WHERE r.artist_user_id = q.artist_id AND r.accepted_at IS NOT NULL
                        AND r.effective_from <= q.started_at AND (r.ended_at IS NULL OR r.ended_at > q.started_at)
                      ORDER BY r.effective_from DESC LIMIT 1) r ON true`,
    [plays.map((p) => p.playId), plays.map((p) => p.artistId), plays.map((p) => p.startedAt)],
  );
  return new Map(rows.map((r) => [r.play_id, r.publisher_user_id]));
}

export interface NewPricing {
  playId: string;
  cycleId: string;
  kind: 'original' | 'correction';
  playVersion: number;
  rateVersionId: string | null;
  stationClass: string;
  durationMs: number;
  amountMinor: number;
  amountMicro: string;
}

/** Inserts pricings; returns the play ids actually inserted (a play already priced is skipped, not repeated). */
export async function insertMany(db: Queryable, pricings: readonly NewPricing[]): Promise<Set<string>> {
  if (pricings.length === 0) return new Set();
  const { rows } = await db.query<{ play_id: string }>(
    `INSERT INTO play_pricings (play_id, cycle_id, kind, play_version, rate_version_id, station_class, duration_ms,
                                amount_minor, amount_micro)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int4[], $5::uuid[], $6::text[], $7::int4[],
                          $8::int8[], $9::text[])
     ON CONFLICT DO NOTHING RETURNING play_id`,
    [
      pricings.map((p) => p.playId),
      pricings.map((p) => p.cycleId),
      pricings.map((p) => p.kind),
      pricings.map((p) => p.playVersion),
      pricings.map((p) => p.rateVersionId),
      pricings.map((p) => p.stationClass),
      pricings.map((p) => p.durationMs),
      pricings.map((p) => p.amountMinor),
      pricings.map((p) => p.amountMicro),
    ],
  );
  return new Set(rows.map((r) => r.play_id));
}

export interface Pricing extends NewPricing {
  createdAt: Date;
}

export async function ofPlay(db: Queryable, playId: string): Promise<Pricing[]> {
  const { rows } = await db.query<{
    play_id: string;
    cycle_id: string;
    kind: 'original' | 'correction';
    play_version: number;
    rate_version_id: string | null;
    station_class: string;
    duration_ms: number;
    amount_minor: string;
    amount_micro: string;
    created_at: Date;
  }>('SELECT * FROM play_pricings WHERE play_id = $1 ORDER BY created_at, id', [playId]);
  return rows.map((r) => ({
    playId: r.play_id,
    cycleId: r.cycle_id,
    kind: r.kind,
    playVersion: r.play_version,
    rateVersionId: r.rate_version_id,
    stationClass: r.station_class,
    durationMs: r.duration_ms,
    amountMinor: Number(r.amount_minor),
    amountMicro: r.amount_micro,
    createdAt: new Date(r.created_at),
  }));
}
