-- 004: Idempotency-Key (draft-ietf-httpapi-idempotency-key-header). One row
-- per (caller, key): the request's fingerprint and, once it succeeded, the
-- answer to replay. A row without a status is a request still running; its
-- lock lapses at locked_until (a crashed request), the whole row at
-- expires_at. Expand-only: a new table.
CREATE TABLE idempotency_keys (
  -- Who used the key: user:<id>, device:<id>, or ip:<address> before sign-in.
  scope          text        NOT NULL,
  key            text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  -- SHA-256 of method, route and body: the same key with another request is refused (422).
  fingerprint    text        NOT NULL,
  method         text        NOT NULL,
  path           text        NOT NULL,
  status_code    integer     CHECK (status_code BETWEEN 200 AND 599),
  content_type   text,
  response_body  text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  locked_until   timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at);
