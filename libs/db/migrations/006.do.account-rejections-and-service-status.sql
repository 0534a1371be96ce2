-- 006: an administrator may reject a pending account with a reason, which the
-- account's owner is shown at sign-in; heartbeats keep the release revision
-- and the health report of the instance that beat (the admin status page).
-- Expand-only: a wider status check, new nullable columns, a new index.

ALTER TABLE users DROP CONSTRAINT users_status_check;
ALTER TABLE users ADD CONSTRAINT users_status_check
  CHECK (status IN ('active', 'pending', 'disabled', 'rejected'));
ALTER TABLE users
  ADD COLUMN rejection_reason  text,
  ADD COLUMN rejected_at       timestamptz,
  ADD COLUMN rejected_by       uuid REFERENCES users (id);
-- A rejected account always says why and when.
ALTER TABLE users ADD CONSTRAINT users_rejection_explained
  CHECK (status <> 'rejected' OR (rejection_reason IS NOT NULL AND rejected_at IS NOT NULL));
-- The admin users list pages by (created_at, id), newest first.
CREATE INDEX users_created_idx ON users (created_at, id);

ALTER TABLE service_heartbeats
  ADD COLUMN revision  text,
  ADD COLUMN health    jsonb;
