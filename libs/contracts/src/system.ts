// System endpoints shared by the bff (validation, OpenAPI) and the portals (types).
import Type, { type Static } from 'typebox';

export const VersionInfo = Type.Object({
  service: Type.String(),
  version: Type.String(),
  revision: Type.String(),
  environment: Type.String(),
  /** Only with the health details token: the runtime version helps attackers more than users. */
  node: Type.Optional(Type.String()),
  startedAt: Type.String({ format: 'date-time' }),
});
export type VersionInfo = Static<typeof VersionInfo>;

export const CheckSummary = Type.Object({
  name: Type.String(),
  status: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  latencyMs: Type.Optional(Type.Number()),
  /** A stand-in inside the process (embedded mode without Redis): no latency to show. */
  inProcess: Type.Optional(Type.Literal(true)),
  error: Type.Optional(Type.String()),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const HealthInfo = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  service: Type.String(),
  version: Type.String(),
  revision: Type.String(),
  uptimeSeconds: Type.Number(),
  shuttingDown: Type.Boolean(),
  checks: Type.Array(CheckSummary),
});
export type HealthInfo = Static<typeof HealthInfo>;

export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  requestId: Type.Optional(Type.String()),
  path: Type.Optional(Type.String()),
  /** Validation failures: one plain-words message per field (`field` is e.g. `email`, `query.limit`). */
  problems: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** The last heartbeat of one service instance (GET /api/system/heartbeats). */
export const Heartbeat = Type.Object({
  service: Type.String(),
  instance: Type.String(),
  version: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  beatAt: Type.String({ format: 'date-time' }),
});
export type Heartbeat = Static<typeof Heartbeat>;

/** POST /api/system/heartbeat: the job that will record it. */
export const HeartbeatRequested = Type.Object({ jobId: Type.String(), requestId: Type.String() });
export type HeartbeatRequested = Static<typeof HeartbeatRequested>;
