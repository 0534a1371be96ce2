-- 005: the money side — effective-dated rate tables, royalty cycles, play
-- pricings, a double-entry append-only ledger, publisher relationships,
-- disputes, payouts and an audit log. Expand-only: new tables only.
-- Amounts are integer pesewas (GHS × 100); rates micro-GHS per second;
-- multipliers basis points (10000 = 1.0) — as libs/royalties computes them.

-- ------------------------------------------------------------ rate tables
-- A version applies from effective_from (inclusive) until the next one. An
-- edit is a new version; a version that priced a play is never changed
-- (rate_table_used_is_frozen below).
CREATE TABLE rate_table_versions (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  effective_from  timestamptz NOT NULL UNIQUE,
  note            text,
  created_by      uuid        REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rate_table_rates (
  version_id       uuid    NOT NULL REFERENCES rate_table_versions (id),
  station_class    text    NOT NULL CHECK (station_class IN ('class_a', 'class_b', 'class_c', 'online', 'community')),
  base_rate_micro  bigint  NOT NULL CHECK (base_rate_micro >= 0),
  prime_bp         integer NOT NULL CHECK (prime_bp >= 0),
  regular_bp       integer NOT NULL CHECK (regular_bp >= 0),
  off_peak_bp      integer NOT NULL CHECK (off_peak_bp >= 0),
  PRIMARY KEY (version_id, station_class)
);

-- Every version names all five classes, checked at commit.
CREATE FUNCTION check_rate_table_complete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  vid uuid := NEW.id;
  n   integer;
BEGIN
  SELECT count(*) INTO n FROM rate_table_rates WHERE version_id = vid;
  IF n <> 5 THEN
    RAISE EXCEPTION 'rate table version % has % of the 5 station classes', vid, n
      USING ERRCODE = '23514', CONSTRAINT = 'rate_table_has_every_class';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER rate_table_versions_complete
  AFTER INSERT ON rate_table_versions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_rate_table_complete();

-- --------------------------------------------------------------- cycles
-- A cycle covers local calendar days [period_start, period_end) in each
-- station's own timezone. open → calculating → calculated (→ calculating
-- again, idempotent) → locked (frozen). progress_* feed the progress bar.
CREATE TABLE royalty_cycles (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  name             text        NOT NULL CHECK (length(btrim(name)) > 0),
  period_start     date        NOT NULL,
  period_end       date        NOT NULL,
  status           text        NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'calculating', 'calculated', 'locked')),
  progress_total   integer     NOT NULL DEFAULT 0,
  progress_done    integer     NOT NULL DEFAULT 0,
  last_error       text,
  opened_by        uuid        REFERENCES users (id),
  opened_at        timestamptz NOT NULL DEFAULT now(),
  calculated_at    timestamptz,
  locked_by        uuid        REFERENCES users (id),
  locked_at        timestamptz,
  CHECK (period_end > period_start)
);
CREATE INDEX royalty_cycles_period_idx ON royalty_cycles (period_start);

-- Cycles never overlap (one play belongs to one cycle), and a locked cycle
-- is frozen. Serialised by a transaction lock so two opens cannot race.
CREATE FUNCTION guard_royalty_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'royalty cycles are never deleted' USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'locked' THEN
    RAISE EXCEPTION 'royalty cycle % is locked', OLD.id USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.period_start, NEW.period_end) IS DISTINCT FROM (OLD.period_start, OLD.period_end) THEN
    RAISE EXCEPTION 'a cycle''s period never changes' USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_advisory_xact_lock(hashtext('royalty_cycles'));
    IF EXISTS (SELECT 1 FROM royalty_cycles c
                WHERE c.period_start < NEW.period_end AND NEW.period_start < c.period_end) THEN
      RAISE EXCEPTION 'the period % – % overlaps an existing cycle', NEW.period_start, NEW.period_end
        USING ERRCODE = '23P01', CONSTRAINT = 'royalty_cycles_no_overlap';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER royalty_cycles_guard BEFORE INSERT OR UPDATE OR DELETE ON royalty_cycles
  FOR EACH ROW EXECUTE FUNCTION guard_royalty_cycle();

-- ------------------------------------------------------------ pricings
-- How a play was priced in a cycle: 'original' once per play ever;
-- 'correction' when a play changed after its cycle was locked (booked in a
-- later cycle). Append-only, like the ledger.
CREATE TABLE play_pricings (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  play_id          uuid        NOT NULL REFERENCES plays (id),
  cycle_id         uuid        NOT NULL REFERENCES royalty_cycles (id),
  kind             text        NOT NULL CHECK (kind IN ('original', 'correction')),
  play_version     integer     NOT NULL,
  -- Null when the correction removed the play (flagged or merged): amount 0.
  rate_version_id  uuid        REFERENCES rate_table_versions (id),
  station_class    text        NOT NULL,
  duration_ms      integer     NOT NULL CHECK (duration_ms >= 0),
  amount_minor     bigint      NOT NULL CHECK (amount_minor >= 0),
  -- Exact amount before rounding (micro-GHS, decimal text), for audit.
  amount_micro     text        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (play_id, cycle_id)
);
CREATE UNIQUE INDEX play_pricings_original_key ON play_pricings (play_id) WHERE kind = 'original';
CREATE INDEX play_pricings_cycle_idx ON play_pricings (cycle_id);

-- A rate version that priced a play is frozen.
CREATE FUNCTION freeze_used_rate_table() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  vid uuid;
BEGIN
  IF TG_TABLE_NAME = 'rate_table_versions' THEN vid := OLD.id; ELSE vid := OLD.version_id; END IF;
  IF EXISTS (SELECT 1 FROM play_pricings WHERE rate_version_id = vid) THEN
    RAISE EXCEPTION 'rate table version % has priced plays; add a new version instead', vid
      USING ERRCODE = '55000', CONSTRAINT = 'rate_table_used_is_frozen';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER rate_table_versions_frozen BEFORE UPDATE OR DELETE ON rate_table_versions
  FOR EACH ROW EXECUTE FUNCTION freeze_used_rate_table();
CREATE TRIGGER rate_table_rates_frozen BEFORE UPDATE OR DELETE ON rate_table_rates
  FOR EACH ROW EXECUTE FUNCTION freeze_used_rate_table();

-- Tables the app may only append to.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = '55000', CONSTRAINT = TG_TABLE_NAME || '_append_only';
END
$$;
CREATE TRIGGER play_pricings_append_only BEFORE UPDATE OR DELETE ON play_pricings
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER play_pricings_no_truncate BEFORE TRUNCATE ON play_pricings
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- ------------------------------------------------- publisher relationships
-- A publisher invites an artist; the artist accepts (active) or declines;
-- either ends it. Plays from effective_from until ended_at of an accepted
-- relationship are paid to the publisher; split_bp is the publisher's part of them (the rest is due to
-- the artist from the publisher, shown on the publisher's statement).
CREATE TABLE publisher_relationships (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  publisher_user_id  uuid        NOT NULL REFERENCES users (id),
  artist_user_id     uuid        NOT NULL REFERENCES users (id),
  split_bp           integer     NOT NULL CHECK (split_bp >= 0 AND split_bp <= 10000),
  status             text        NOT NULL DEFAULT 'invited'
    CHECK (status IN ('invited', 'active', 'declined', 'ended')),
  -- The deal's start: plays from this instant on are routed to the publisher.
  effective_from     timestamptz NOT NULL DEFAULT now(),
  invited_at         timestamptz NOT NULL DEFAULT now(),
  accepted_at        timestamptz,
  ended_at           timestamptz,
  CHECK (publisher_user_id <> artist_user_id)
);
CREATE UNIQUE INDEX publisher_relationships_pending_key ON publisher_relationships (publisher_user_id, artist_user_id)
  WHERE status IN ('invited', 'active');
-- An artist is signed to at most one publisher at a time.
CREATE UNIQUE INDEX publisher_relationships_active_key ON publisher_relationships (artist_user_id)
  WHERE status = 'active';
CREATE INDEX publisher_relationships_artist_idx ON publisher_relationships (artist_user_id, accepted_at);

-- ---------------------------------------------------------------- disputes
-- An artist or publisher disputes a play; while open its entries are held
-- (not on statements' payable total, not available for payout). upheld →
-- reversal entries; rejected → released.
CREATE TABLE disputes (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  play_id             uuid        NOT NULL REFERENCES plays (id),
  raised_by           uuid        NOT NULL REFERENCES users (id),
  reason              text        NOT NULL CHECK (length(btrim(reason)) > 0),
  evidence_upload_id  uuid        REFERENCES uploads (id),
  status              text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'rejected')),
  resolved_by         uuid        REFERENCES users (id),
  resolved_at         timestamptz,
  resolution_note     text,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX disputes_open_play_key ON disputes (play_id) WHERE status = 'open';
CREATE INDEX disputes_status_idx ON disputes (status, created_at);

-- ------------------------------------------------------------------ ledger
-- Double entry: every posting (one play's royalty, its reversal, …) debits
-- the station's liability (negative) and credits recipients (positive); a
-- posting sums to zero and lies in one cycle, so every cycle balances.
-- account_kind 'user' is an account (artist or publisher); 'contributor' an
-- outside party without an account. One row per play × account × cycle ×
-- entry type (ledger_entries_play_key): a resumed calculation cannot pay twice.
CREATE TABLE ledger_entries (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  posting_id      uuid        NOT NULL,
  cycle_id        uuid        NOT NULL REFERENCES royalty_cycles (id),
  play_id         uuid        REFERENCES plays (id),
  dispute_id      uuid        REFERENCES disputes (id),
  entry_type      text        NOT NULL
    CHECK (entry_type IN ('royalty', 'correction_reversal', 'correction', 'dispute_reversal')),
  account_kind    text        NOT NULL CHECK (account_kind IN ('station', 'user', 'contributor')),
  account_id      uuid        NOT NULL,
  -- Whose share this was (the contributor), kept when a publisher is paid.
  contributor_id  uuid        REFERENCES contributors (id),
  amount_minor    bigint      NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ledger_entries_play_key ON ledger_entries
  (cycle_id, play_id, entry_type, account_kind, account_id,
   COALESCE(contributor_id, '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE play_id IS NOT NULL;
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_kind, account_id, cycle_id);
CREATE INDEX ledger_entries_posting_idx ON ledger_entries (posting_id);
CREATE INDEX ledger_entries_play_idx ON ledger_entries (play_id);

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Nothing is booked into a locked cycle.
CREATE FUNCTION refuse_entry_in_locked_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM royalty_cycles WHERE id = NEW.cycle_id AND status = 'locked') THEN
    RAISE EXCEPTION 'royalty cycle % is locked; book corrections in a later cycle', NEW.cycle_id
      USING ERRCODE = '55000', CONSTRAINT = 'ledger_entries_cycle_open';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER ledger_entries_cycle_open BEFORE INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_entry_in_locked_cycle();

-- Each posting balances (sums to zero) within one cycle, checked at commit.
CREATE FUNCTION check_posting_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total   bigint;
  cycles  integer;
BEGIN
  SELECT COALESCE(sum(amount_minor), 0), count(DISTINCT cycle_id) INTO total, cycles
    FROM ledger_entries WHERE posting_id = NEW.posting_id;
  IF total <> 0 OR cycles <> 1 THEN
    RAISE EXCEPTION 'ledger posting % is unbalanced (sum % over % cycles)', NEW.posting_id, total, cycles
      USING ERRCODE = '23514', CONSTRAINT = 'ledger_postings_balanced';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_postings_balanced
  AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_posting_balanced();

-- ----------------------------------------------------------------- payouts
-- Requested from the available balance (locked cycles, minus held, minus
-- other payouts not rejected); approved, then marked paid with the mobile
-- money or bank reference.
CREATE TABLE payouts (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id             uuid        NOT NULL REFERENCES users (id),
  amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
  method              text        NOT NULL CHECK (method IN ('mobile_money', 'bank')),
  destination         text        NOT NULL CHECK (length(btrim(destination)) > 0),
  status              text        NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested', 'approved', 'paid', 'rejected')),
  requested_at        timestamptz NOT NULL DEFAULT now(),
  approved_by         uuid        REFERENCES users (id),
  approved_at         timestamptz,
  paid_by             uuid        REFERENCES users (id),
  paid_at             timestamptz,
  external_reference  text,
  rejected_reason     text,
  CHECK (status <> 'paid' OR external_reference IS NOT NULL)
);
CREATE INDEX payouts_user_idx ON payouts (user_id, requested_at DESC);
CREATE INDEX payouts_status_idx ON payouts (status, requested_at);

-- --------------------------------------------------------------- audit log
-- Who did what, when, to which subject. Append-only.
CREATE TABLE audit_log (
  id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor_user_id  uuid        REFERENCES users (id),
  action         text        NOT NULL,
  subject_type   text        NOT NULL,
  subject_id     text        NOT NULL,
  details        jsonb       NOT NULL DEFAULT '{}'::jsonb,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- ------------------------------------------------------ starting rate table
-- From the design (GHS per second; prime / regular / off-peak), in force
-- from 2000-01-01 so every play has a table.
WITH v AS (
  INSERT INTO rate_table_versions (effective_from, note)
  VALUES ('2000-01-01T00:00:00Z', 'Starting rate table (design)') RETURNING id
)
INSERT INTO rate_table_rates (version_id, station_class, base_rate_micro, prime_bp, regular_bp, off_peak_bp)
SELECT v.id, r.station_class, r.base_rate_micro, r.prime_bp, r.regular_bp, r.off_peak_bp
  FROM v, (VALUES ('class_a',   15000, 15000, 10000, 7000),
                  ('class_b',   12000, 13000, 10000, 8000),
                  ('class_c',    8000, 12000, 10000, 9000),
                  ('online',    10000, 11000, 10000, 9000),
                  ('community',  5000, 10000, 10000, 10000))
       AS r(station_class, base_rate_micro, prime_bp, regular_bp, off_peak_bp);
