// The Postgres store the airplay feature will use, measured on the same catalog: one row per
// posting (hash int4, track int4, offset int4) with a btree on hash, one `hash = ANY($1)`
// query per capture, rows grouped by groupPostings and decided by the same decideMatch as the
// in-memory index. Reports bytes per posting on disk (heap + index), query latency, and
// checks that every decision equals the in-memory one. Runs in a throw-away database.
import pg from 'pg';
import {
  decideMatch,
  groupPostings,
  matchQuery,
  PackedIndexBuilder,
  queryHashes,
  type MatchDecision,
  type QueryFingerprint,
  type TrackFingerprint,
} from '@zamio/fingerprint';
import { int4ArrayFromBinary } from '@zamio/db';
import { createTestDatabase } from '@zamio/testing';

export interface PostgresStoreResult {
  /** Per-track layout: one row per track with its hashes and offsets as int4[]. */
  readonly perTrack: { bytes: number; loadAndBuildSeconds: number; identical: boolean };
  readonly rows: number;
  readonly heapBytes: number;
  readonly indexBytes: number;
  readonly loadSeconds: number;
  readonly queryMs: number[];
  readonly rowsPerQuery: number[];
  readonly mismatches: number;
}

const BATCH = 200_000;

export async function measurePostgresStore(
  fingerprints: readonly TrackFingerprint[],
  queries: readonly { query: QueryFingerprint; inMemory: MatchDecision | null }[],
): Promise<PostgresStoreResult> {
  const db = await createTestDatabase('zamio_fp_bench');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE fingerprint_postings (hash int4 NOT NULL, track int4 NOT NULL, "offset" int4 NOT NULL)',
    );
    const started = performance.now();
    let rows = 0;
    let batch: { h: number[]; t: number[]; o: number[] } = { h: [], t: [], o: [] };
    const flush = async () => {
      if (batch.h.length === 0) return;
      await client.query(
        'INSERT INTO fingerprint_postings SELECT * FROM unnest($1::int4[], $2::int4[], $3::int4[])',
        [batch.h, batch.t, batch.o],
      );
      rows += batch.h.length;
      batch = { h: [], t: [], o: [] };
    };
    for (const [track, fp] of fingerprints.entries()) {
      for (let i = 0; i < fp.hashes.length; i++) {
        batch.h.push(fp.hashes[i]!);
        batch.t.push(track);
        batch.o.push(fp.offsets[i]!);
        if (batch.h.length >= BATCH) await flush();
      }
    }
    await flush();
    await client.query('CREATE INDEX fingerprint_postings_hash ON fingerprint_postings (hash)');
    await client.query('VACUUM ANALYZE fingerprint_postings');
    const loadSeconds = (performance.now() - started) / 1000;
    const sizes = await client.query<{ heap: string; index: string }>(
      "SELECT pg_relation_size('fingerprint_postings') AS heap, pg_relation_size('fingerprint_postings_hash') AS index",
    );
    const queryMs: number[] = [];
    const rowsPerQuery: number[] = [];
    let mismatches = 0;
    for (const { query, inMemory } of queries) {
      const hashes = queryHashes(query);
      const t0 = performance.now();
      const result = await client.query<{ hash: number; track: number; offset: number }>({
        text: 'SELECT hash, track, "offset" FROM fingerprint_postings WHERE hash = ANY($1::int4[])',
        values: [Array.from(hashes)],
      });
      const lists = groupPostings(hashes, {
        hashes: result.rows.map((r) => r.hash),
        tracks: result.rows.map((r) => r.track),
        offsets: result.rows.map((r) => r.offset),
      });
      const decision = decideMatch(query, lists);
      queryMs.push(performance.now() - t0);
      rowsPerQuery.push(result.rows.length);
      if (JSON.stringify(decision) !== JSON.stringify(inMemory)) mismatches++;
    }
    const perTrack = await measurePerTrackRows(client, fingerprints, queries);
    return {
      perTrack,
      rows,
      heapBytes: Number(sizes.rows[0]!.heap),
      indexBytes: Number(sizes.rows[0]!.index),
      loadSeconds,
      queryMs,
      rowsPerQuery,
      mismatches,
    };
  } finally {
    await client.end();
    await db.drop();
  }
}

/**
 * The compact alternative: one row per track, `hashes int4[]` and `offsets int4[]` (TOASTed,
 * compressed), loaded once by the worker into a PackedIndex that answers every capture in
 * memory. Measures the table's size, the time to read it all (as the worker reads it: binary
 * arrays through array_send) and build the index, and that the rebuilt index decides like
 * the original.
 */
async function measurePerTrackRows(
  client: pg.Client,
  fingerprints: readonly TrackFingerprint[],
  queries: readonly { query: QueryFingerprint; inMemory: MatchDecision | null }[],
): Promise<PostgresStoreResult['perTrack']> {
  await client.query(
    'CREATE TABLE track_fingerprints (track int4 PRIMARY KEY, params_version int2 NOT NULL, ' +
      'hashes int4[] NOT NULL, offsets int4[] NOT NULL)',
  );
  for (const [track, fp] of fingerprints.entries()) {
    await client.query('INSERT INTO track_fingerprints VALUES ($1, $2, $3, $4)', [
      track,
      fp.version,
      Array.from(fp.hashes),
      Array.from(fp.offsets),
    ]);
  }
  await client.query('VACUUM ANALYZE track_fingerprints');
  const size = await client.query<{ bytes: string }>(
    "SELECT pg_total_relation_size('track_fingerprints') AS bytes",
  );
  const t0 = performance.now();
  const all = await client.query<{
    track: number;
    params_version: number;
    hashes: Uint8Array;
    offsets: Uint8Array;
  }>(
    'SELECT track, params_version, array_send(hashes) AS hashes, array_send(offsets) AS offsets FROM track_fingerprints',
  );
  const builder = new PackedIndexBuilder();
  for (const row of all.rows)
    builder.add(row.track, {
      version: row.params_version,
      hashes: int4ArrayFromBinary(row.hashes),
      offsets: int4ArrayFromBinary(row.offsets),
      durationSeconds: 0,
    });
  const index = builder.build();
  const loadAndBuildSeconds = (performance.now() - t0) / 1000;
  const identical = queries.every(
    ({ query, inMemory }) => JSON.stringify(matchQuery(index, query)) === JSON.stringify(inMemory),
  );
  return { bytes: Number(size.rows[0]!.bytes), loadAndBuildSeconds, identical };
}
