// The matcher's view of the catalogue: every matchable fingerprint of the
// pinned params version in a packed in-memory index, kept in step with
// Postgres through the change log (migration 003). Postgres is the store of
// record; a lookup needs the whole catalogue's postings in a few ms, which a
// (hash, track, offset) table cannot give (docs/performance.md: 306 ms p50
// for one `hash = ANY($1)` query per 10 s capture, against ~1 ms here).
// Each refresh is one round trip (changes since the generation seen), plus
// one to fetch added rows when there are any — so a capture matched after a
// track became ready sees that track, in every process.
import type { Queryable } from '@zamio/db';
import {
  FINGERPRINT_PARAMS_VERSION,
  PackedIndexBuilder,
  type PackedIndex,
  type PostingLists,
  type PostingSource,
} from '@zamio/fingerprint';
import * as fingerprints from '../repositories/fingerprints-repository';
import type { StoredFingerprint } from '../repositories/fingerprints-repository';

const LOAD_BATCH = 200;
const CHANGES_BATCH = 1_000;
/** Past this many tracks added or removed since the last full load, the next refresh reloads in full. */
const DELTA_LIMIT = 256;

interface Snapshot {
  base: PackedIndex;
  /** Track id of every fingerprint number the base holds. */
  baseTracks: Map<number, string>;
  /** Fingerprints added since the base was built (a small second index). */
  added: Map<number, StoredFingerprint>;
  delta: PackedIndex | null;
  /** Numbers of the base that no longer match (replaced, withdrawn, deleted). */
  removed: Set<number>;
  generation: number;
}

const asTrackFingerprint = (row: StoredFingerprint, version: number) => ({
  version,
  hashes: row.hashes,
  offsets: row.offsets,
  durationSeconds: 0,
});

export interface FingerprintIndex extends PostingSource {
  /** Catches up with every change committed so far (one round trip when nothing changed). */
  refresh(): Promise<void>;
  /** The track of a fingerprint number the index returned. */
  trackIdOf(number: number): string | undefined;
  /** Tracks and postings currently matchable (metrics, tests). */
  size(): { tracks: number; postings: number };
}

export function createFingerprintIndex({
  db,
  paramsVersion = FINGERPRINT_PARAMS_VERSION,
}: {
  db: Queryable;
  paramsVersion?: number;
}): FingerprintIndex {
  let snapshot: Snapshot | undefined;
  let running: Promise<void> | undefined;

  async function loadAll(): Promise<Snapshot> {
    // The generation is read first: changes committed during the load are applied again (idempotently).
    const generation = await fingerprints.currentGeneration(db);
    const builder = new PackedIndexBuilder(paramsVersion);
    const baseTracks = new Map<number, string>();
    for (let after = 0; ;) {
      const batch = await fingerprints.matchableBatch(db, paramsVersion, after, LOAD_BATCH);
      for (const row of batch) {
        builder.add(row.number, asTrackFingerprint(row, paramsVersion));
        baseTracks.set(row.number, row.trackId);
      }
      if (batch.length < LOAD_BATCH) break;
      after = batch.at(-1)!.number;
    }
    return {
      base: builder.build(),
      baseTracks,
      added: new Map(),
      delta: null,
      removed: new Set(),
      generation,
    };
  }

  function rebuildDelta(state: Snapshot) {
    if (state.added.size === 0) {
      state.delta = null;
      return;
    }
    const builder = new PackedIndexBuilder(paramsVersion);
    for (const row of state.added.values()) builder.add(row.number, asTrackFingerprint(row, paramsVersion));
    state.delta = builder.build();
  }

  async function catchUp(state: Snapshot): Promise<Snapshot> {
    for (;;) {
      const changes = await fingerprints.changesSince(db, state.generation, paramsVersion, CHANGES_BATCH);
      if (changes.length === 0) return state;
      // Pruned past what we have seen: the log cannot bring us up to date.
      if ((await fingerprints.oldestLoggedGeneration(db)) > state.generation + 1 && state.generation > 0)
        return loadAll();
      const toFetch = new Set<number>();
      for (const change of changes) {
        if (change.change === 'removed') {
          toFetch.delete(change.number);
          if (!state.added.delete(change.number) && state.baseTracks.has(change.number))
            state.removed.add(change.number);
        } else toFetch.add(change.number);
      }
      const rows = await fingerprints.matchableByNumbers(db, paramsVersion, [...toFetch]);
      for (const row of rows) {
        if (state.baseTracks.has(row.number)) state.removed.delete(row.number);
        else state.added.set(row.number, row);
      }
      state.generation = changes.at(-1)!.generation;
      if (state.added.size + state.removed.size > DELTA_LIMIT) return loadAll();
      rebuildDelta(state);
      if (changes.length < CHANGES_BATCH) return state;
    }
  }

  const refreshOnce = async () => {
    snapshot = snapshot ? await catchUp(snapshot) : await loadAll();
  };

  return {
    refresh() {
      // One refresh at a time; callers arriving meanwhile share the next one.
      const next = (running ?? Promise.resolve()).then(refreshOnce, refreshOnce);
      running = next.finally(() => {
        if (running === next) running = undefined;
      });
      return next;
    },

    trackIdOf(number) {
      const state = snapshot;
      if (!state || state.removed.has(number)) return undefined;
      return state.baseTracks.get(number) ?? state.added.get(number)?.trackId;
    },

    size() {
      if (!snapshot) return { tracks: 0, postings: 0 };
      const { base, baseTracks, added, removed, delta } = snapshot;
      return {
        tracks: baseTracks.size - removed.size + added.size,
        postings: base.postingCount + (delta?.postingCount ?? 0),
      };
    },

    lookup(hashes: Uint32Array): PostingLists {
      if (!snapshot) throw new Error('the fingerprint index is not loaded: call refresh() first');
      const { base, delta, removed } = snapshot;
      const fromBase = base.lookup(hashes);
      if (!delta && removed.size === 0) return fromBase;
      const fromDelta = delta?.lookup(hashes);
      // Merge both indexes' postings per hash, leaving out removed numbers.
      let total = 0;
      for (let i = 0; i < hashes.length; i++) {
        total += fromBase.ends[i]! - fromBase.starts[i]!;
        if (fromDelta) total += fromDelta.ends[i]! - fromDelta.starts[i]!;
      }
      const starts = new Uint32Array(hashes.length);
      const ends = new Uint32Array(hashes.length);
      const tracks = new Uint32Array(total);
      const offsets = new Uint32Array(total);
      let n = 0;
      for (let i = 0; i < hashes.length; i++) {
        starts[i] = n;
        for (let p = fromBase.starts[i]!; p < fromBase.ends[i]!; p++) {
          const track = fromBase.tracks[p]!;
          if (removed.has(track)) continue;
          tracks[n] = track;
          offsets[n++] = fromBase.offsets[p]!;
        }
        if (fromDelta)
          for (let p = fromDelta.starts[i]!; p < fromDelta.ends[i]!; p++) {
            tracks[n] = fromDelta.tracks[p]!;
            offsets[n++] = fromDelta.offsets[p]!;
          }
        ends[i] = n;
      }
      return { hashes, starts, ends, tracks, offsets };
    },
  };
}
