-- 007: one row per fingerprint params version the workers have matched with.
-- started_at: the first worker of the version started (its index holds only
-- the tracks already re-indexed at that version); finished_at: every track
-- was indexed at it; reopened_at: the device captures answered `unmatched`
-- between the two (the tracks they may be of could not match yet) were set
-- back to pending, to be matched again. Expand-only: a new table.
CREATE TABLE fingerprint_reindexes (
  params_version      smallint    PRIMARY KEY,
  started_at          timestamptz NOT NULL DEFAULT now(),
  finished_at         timestamptz,
  reopened_at         timestamptz,
  reopened_captures   integer     CHECK (reopened_captures >= 0),
  CHECK (finished_at IS NULL OR finished_at >= started_at),
  CHECK (reopened_at IS NULL OR (finished_at IS NOT NULL AND reopened_at >= finished_at))
);
