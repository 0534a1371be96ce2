-- 001: platform foundation.
-- Expand/contract rule: a migration only adds (tables, nullable columns,
-- indexes CONCURRENTLY where large); removals come in a later release once no
-- running version reads the old shape. Never edit this file once released.

CREATE TABLE service_heartbeats (
  service     text        NOT NULL,
  instance    text        NOT NULL,
  version     text        NOT NULL,
  request_id  text,
  beat_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service, instance)
);
