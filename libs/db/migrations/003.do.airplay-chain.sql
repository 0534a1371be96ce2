-- 003: the airplay chain — the catalogue (track facts and status,
-- contributors, effective-dated splits, fingerprints), stations' streams,
-- captures with their match state, detections, plays and playlogs.
-- Expand-only: new tables, new columns that are nullable or have a default,
-- one NOT NULL dropped (captures.upload_id: stream windows keep no file).

-- ---------------------------------------------------------------- tracks
-- status: draft (no audio yet) → uploaded (audio stored, fingerprint job
-- queued) → processing → ready | failed (failure_reason says why, in words
-- the artist can read). withdrawn_at set: the track never matches again.
ALTER TABLE tracks
  ADD COLUMN album           text,
  ADD COLUMN genre           text,
  ADD COLUMN release_date    date,
  ADD COLUMN status          text        NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'uploaded', 'processing', 'ready', 'failed')),
  ADD COLUMN failure_reason  text,
  -- From the decoded audio (the fingerprint job), not from the client.
  ADD COLUMN duration_ms     integer     CHECK (duration_ms >= 0),
  ADD COLUMN sample_rate     integer     CHECK (sample_rate > 0),
  ADD COLUMN withdrawn_at    timestamptz,
  ADD COLUMN updated_at      timestamptz NOT NULL DEFAULT now();
UPDATE tracks SET status = 'uploaded' WHERE audio_upload_id IS NOT NULL;
-- ISRCs are stored normalised (upper case, no hyphens) and are unique.
CREATE UNIQUE INDEX tracks_isrc_key ON tracks (isrc) WHERE isrc IS NOT NULL;
CREATE INDEX tracks_status_idx ON tracks (status) WHERE status IN ('uploaded', 'processing');

-- ---------------------------------------------------------- contributors
-- Someone who can hold a share of a track: a registered account (user_id),
-- or a named outside party (user_id NULL) kept by the artist who named it.
CREATE TABLE contributors (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id            uuid        REFERENCES users (id),
  name               text        NOT NULL CHECK (length(btrim(name)) > 0),
  -- The publisher the contributor is signed to (paid through it), if any.
  publisher_user_id  uuid        REFERENCES users (id),
  created_by         uuid        NOT NULL REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contributors_user_key ON contributors (user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX contributors_outside_party_key ON contributors (created_by, lower(name))
  WHERE user_id IS NULL;

-- ----------------------------------------------------------------- splits
-- Shares are effective-dated: a change never rewrites history, it adds a
-- split set in force from effective_from. The shares in force at time t are
-- the set with the latest effective_from <= t (splits_in_force_idx).
CREATE TABLE track_split_sets (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  track_id        uuid        NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  effective_from  timestamptz NOT NULL,
  created_by      uuid        NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (track_id, effective_from)
);
CREATE INDEX splits_in_force_idx ON track_split_sets (track_id, effective_from DESC);

-- One contributor per set; shares in basis points (10000 = 100 %).
-- publisher_user_id is the contributor's publisher when the set was made:
-- who is paid for plays in force under this set.
CREATE TABLE track_splits (
  split_set_id       uuid    NOT NULL REFERENCES track_split_sets (id) ON DELETE CASCADE,
  contributor_id     uuid    NOT NULL REFERENCES contributors (id),
  role               text    NOT NULL
    CHECK (role IN ('artist', 'composer', 'producer', 'writer', 'featured_artist', 'mixer', 'engineer')),
  share_bp           integer NOT NULL CHECK (share_bp > 0 AND share_bp <= 10000),
  publisher_user_id  uuid    REFERENCES users (id),
  PRIMARY KEY (split_set_id, contributor_id)
);
CREATE INDEX track_splits_contributor_idx ON track_splits (contributor_id);

-- Every split set's shares total exactly 10000 bp, checked at commit (so a
-- set and its rows can be written in any order inside one transaction).
CREATE FUNCTION check_split_set_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  set_id uuid;
  total  bigint;
BEGIN
  IF TG_TABLE_NAME = 'track_split_sets' THEN
    set_id := NEW.id;
  ELSE
    set_id := COALESCE(NEW.split_set_id, OLD.split_set_id);
  END IF;
  -- A set deleted with its rows (cascade) has nothing left to check.
  IF NOT EXISTS (SELECT 1 FROM track_split_sets WHERE id = set_id) THEN
    RETURN NULL;
  END IF;
  SELECT COALESCE(sum(share_bp), 0) INTO total FROM track_splits WHERE split_set_id = set_id;
  IF total <> 10000 THEN
    RAISE EXCEPTION 'split set % totals % bp; shares must total exactly 10000 bp (100 %%)', set_id, total
      USING ERRCODE = '23514', CONSTRAINT = 'track_splits_total_100_percent';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER track_splits_total_100_percent
  AFTER INSERT OR UPDATE OR DELETE ON track_splits
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_split_set_total();
CREATE CONSTRAINT TRIGGER track_split_sets_total_100_percent
  AFTER INSERT ON track_split_sets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_split_set_total();

-- ----------------------------------------------------------- fingerprints
-- The store of record: one row per track and parameter version, the
-- fingerprint's hashes and anchor offsets as int4 arrays (TOAST-compressed,
-- ~5 bytes per posting; docs/performance.md). `number` is the matcher's
-- uint32 track number: a new row (re-upload, re-index) gets a new number, so
-- an index holding the old one can drop it by number. Rows of several
-- versions coexist during a re-index; a matcher reads only its own version.
CREATE TABLE track_fingerprints (
  number          integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  track_id        uuid        NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  params_version  smallint    NOT NULL CHECK (params_version > 0),
  upload_id       uuid        NOT NULL REFERENCES uploads (id),
  hashes          int4[]      NOT NULL,
  offsets         int4[]      NOT NULL,
  posting_count   integer     NOT NULL CHECK (posting_count >= 0),
  duration_ms     integer     NOT NULL CHECK (duration_ms >= 0),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (track_id, params_version),
  CHECK (cardinality(hashes) = posting_count AND cardinality(offsets) = posting_count)
);

-- The in-memory indexes follow the table through this log: every added or
-- removed fingerprint row is one change with the next generation. The single
-- state row is updated in the same transaction, so writers queue on its row
-- lock and generations become visible in commit order (a reader that has
-- seen generation g has seen every change up to g).
CREATE TABLE fingerprint_index_state (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation  bigint  NOT NULL
);
INSERT INTO fingerprint_index_state (singleton, generation) VALUES (true, 0);

CREATE TABLE fingerprint_index_changes (
  generation          bigint      PRIMARY KEY,
  fingerprint_number  integer     NOT NULL,
  params_version      smallint    NOT NULL,
  change              text        NOT NULL CHECK (change IN ('added', 'removed')),
  changed_at          timestamptz NOT NULL DEFAULT now()
);

-- --------------------------------------------------------------- streams
-- A station's online streams (HTTP/Icecast MP3 or Ogg), checked by a
-- scheduled job; state follows libs/streams' up/down rule.
CREATE TABLE station_streams (
  id                     uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  station_id             uuid        NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  url                    text        NOT NULL,
  label                  text,
  active                 boolean     NOT NULL DEFAULT true,
  state                  text        NOT NULL DEFAULT 'unknown' CHECK (state IN ('unknown', 'up', 'down')),
  consecutive_failures   integer     NOT NULL DEFAULT 0,
  consecutive_successes  integer     NOT NULL DEFAULT 0,
  last_checked_at        timestamptz,
  last_error             text,
  state_changed_at       timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (station_id, url)
);
CREATE INDEX station_streams_due_idx ON station_streams (last_checked_at NULLS FIRST) WHERE active;

-- -------------------------------------------------------------- captures
-- A window of a station's broadcast: uploaded by a device (with its file) or
-- recorded from a stream (no file kept). status: pending → matched |
-- unmatched, or failed (dead letter, failure_reason) after the last attempt.
ALTER TABLE captures
  ALTER COLUMN upload_id DROP NOT NULL,
  ADD COLUMN source          text        NOT NULL DEFAULT 'device' CHECK (source IN ('device', 'stream')),
  ADD COLUMN stream_id       uuid        REFERENCES station_streams (id) ON DELETE SET NULL,
  -- When the captured audio began on air (device clock / recording start).
  ADD COLUMN started_at      timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN duration_ms     integer     CHECK (duration_ms > 0),
  ADD COLUMN status          text        NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'matched', 'unmatched', 'failed')),
  ADD COLUMN attempts        integer     NOT NULL DEFAULT 0,
  ADD COLUMN failure_reason  text,
  ADD COLUMN processed_at    timestamptz;
UPDATE captures SET started_at = captured_at;
CREATE INDEX captures_station_idx ON captures (station_id, captured_at DESC);
CREATE INDEX captures_pending_idx ON captures (captured_at) WHERE status = 'pending';

-- ------------------------------------------------------------------ plays
-- Consecutive detections of one track on one station merged into one play.
-- status: active (counts for royalties), flagged (all its detections were
-- flagged: excluded until reviewed), merged (a late capture joined it to an
-- earlier play: merged_into_play_id; excluded). version grows with every
-- change of bounds or status, so a priced play can be re-priced.
CREATE TABLE plays (
  id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  station_id           uuid        NOT NULL REFERENCES stations (id),
  track_id             uuid        NOT NULL REFERENCES tracks (id),
  started_at           timestamptz NOT NULL,
  ended_at             timestamptz NOT NULL,
  duration_ms          integer     NOT NULL CHECK (duration_ms >= 0),
  -- Where in the track the play starts (ms): with started_at it fixes the
  -- play's alignment, which later detections must agree with.
  track_offset_ms      integer     NOT NULL,
  detection_count      integer     NOT NULL DEFAULT 0,
  confidence           real        NOT NULL DEFAULT 0 CHECK (confidence >= 0 AND confidence <= 1),
  status               text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'flagged', 'merged')),
  merged_into_play_id  uuid        REFERENCES plays (id),
  version              integer     NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at >= started_at)
);
CREATE INDEX plays_station_idx ON plays (station_id, started_at DESC);
CREATE INDEX plays_track_idx ON plays (track_id, started_at DESC);
CREATE INDEX plays_updated_idx ON plays (updated_at);

-- ------------------------------------------------------------- detections
-- A capture recognised as a track (at most one per capture; an unmatched
-- capture has none). review: a station confirms or flags it; a flagged
-- detection is excluded from plays until reviewed (confirmed again).
CREATE TABLE detections (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  capture_id       uuid        NOT NULL UNIQUE REFERENCES captures (id) ON DELETE CASCADE,
  station_id       uuid        NOT NULL REFERENCES stations (id),
  track_id         uuid        NOT NULL REFERENCES tracks (id),
  started_at       timestamptz NOT NULL,
  duration_ms      integer     NOT NULL CHECK (duration_ms > 0),
  track_offset_ms  integer     NOT NULL,
  confidence       real        NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  score            integer     NOT NULL,
  speed            real        NOT NULL DEFAULT 1,
  review           text        NOT NULL DEFAULT 'unreviewed' CHECK (review IN ('unreviewed', 'confirmed', 'flagged')),
  reviewed_at      timestamptz,
  reviewed_by      uuid        REFERENCES users (id),
  play_id          uuid        REFERENCES plays (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX detections_station_idx ON detections (station_id, started_at DESC);
CREATE INDEX detections_play_idx ON detections (play_id);
CREATE INDEX detections_track_idx ON detections (station_id, track_id, started_at);

-- --------------------------------------------------------------- playlogs
-- A station's CSV of what it played, imported row by row; rows that failed
-- validation (imported only with "import valid rows") are kept as a report.
CREATE TABLE playlogs (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  station_id      uuid        NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  upload_id       uuid        NOT NULL REFERENCES uploads (id),
  uploaded_by     uuid        NOT NULL REFERENCES users (id),
  row_count       integer     NOT NULL,
  imported_count  integer     NOT NULL,
  rejected_rows   jsonb       NOT NULL DEFAULT '[]'::jsonb,
  first_played_at timestamptz,
  last_ended_at   timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX playlogs_station_idx ON playlogs (station_id, created_at DESC);

CREATE TABLE playlog_entries (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  playlog_id   uuid        NOT NULL REFERENCES playlogs (id) ON DELETE CASCADE,
  station_id   uuid        NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  row_number   integer     NOT NULL,
  title        text        NOT NULL,
  artist       text        NOT NULL,
  isrc         text,
  played_at    timestamptz NOT NULL,
  duration_ms  integer     NOT NULL CHECK (duration_ms > 0),
  -- The catalogue track the row names (by ISRC), when there is one.
  track_id     uuid        REFERENCES tracks (id),
  UNIQUE (playlog_id, row_number)
);
CREATE INDEX playlog_entries_station_idx ON playlog_entries (station_id, played_at);
