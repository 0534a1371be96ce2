-- 002: accounts, sessions, stations, device tokens, uploads, minimal tracks
-- and captures (enough for ownership rules; later migrations add columns).
-- Expand-only, like every migration.

CREATE TABLE users (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text        NOT NULL,
  display_name   text        NOT NULL,
  role           text        NOT NULL CHECK (role IN ('artist', 'station', 'publisher', 'admin')),
  status         text        NOT NULL CHECK (status IN ('active', 'pending', 'disabled')),
  password_hash  text        NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  approved_at    timestamptz,
  approved_by    uuid        REFERENCES users (id)
);
-- E-mails are compared case-insensitively; the app stores them lower-cased.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_status_idx ON users (status, created_at);

-- One row per signed-in browser. The cookie holds the id; only its SHA-256
-- is stored. Revoking = setting revoked_at (checked on every request).
CREATE TABLE sessions (
  id_hash       text        PRIMARY KEY,
  user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE stations (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_user_id  uuid        NOT NULL UNIQUE REFERENCES users (id),
  name           text        NOT NULL,
  station_class  text        NOT NULL DEFAULT 'community' CHECK (station_class IN ('class_a', 'class_b', 'class_c', 'online', 'community')),
  region         text,
  timezone       text        NOT NULL DEFAULT 'Africa/Accra',
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE device_tokens (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  station_id    uuid        NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  name          text        NOT NULL,
  token_hash    text        NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

-- Every accepted file: random storage name (never the client's), checksum,
-- detected type and, for audio, the probed duration and sample rate.
CREATE TABLE uploads (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text        NOT NULL CHECK (kind IN ('track-audio', 'capture-audio', 'playlog-csv', 'document')),
  owner_user_id   uuid        NOT NULL REFERENCES users (id),
  station_id      uuid        REFERENCES stations (id),
  storage_name    text        NOT NULL UNIQUE,
  size_bytes      bigint      NOT NULL,
  sha256          text        NOT NULL,
  mime_type       text        NOT NULL,
  duration_ms     integer,
  sample_rate     integer,
  original_name   text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_owner_idx ON uploads (owner_user_id, created_at);

CREATE TABLE tracks (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  artist_user_id   uuid        NOT NULL REFERENCES users (id),
  title            text        NOT NULL,
  isrc             text,
  audio_upload_id  uuid        REFERENCES uploads (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tracks_artist_idx ON tracks (artist_user_id, created_at);

CREATE TABLE captures (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  station_id   uuid        NOT NULL REFERENCES stations (id),
  chunk_id     text        NOT NULL,
  upload_id    uuid        NOT NULL REFERENCES uploads (id),
  device_id    uuid        REFERENCES device_tokens (id),
  captured_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (station_id, chunk_id)
);
