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
  revision: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  /** Health of the instance when it beat (full details: the route is admin-only). */
  healthStatus: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down'), Type.Null()]),
  beatAt: Type.String({ format: 'date-time' }),
});
export type Heartbeat = Static<typeof Heartbeat>;

/** POST /api/system/heartbeat: the job that will record it. */
export const HeartbeatRequested = Type.Object({ jobId: Type.String(), requestId: Type.String() });
export type HeartbeatRequested = Static<typeof HeartbeatRequested>;

/** One service instance on the admin status page. */
export const ServiceInstanceStatus = Type.Object({
  service: Type.String(),
  instance: Type.String(),
  /** `stale`: no heartbeat for 5 minutes (the instance may be gone). */
  state: Type.Union([
    Type.Literal('ok'),
    Type.Literal('degraded'),
    Type.Literal('down'),
    Type.Literal('stale'),
  ]),
  version: Type.String(),
  revision: Type.Union([Type.String(), Type.Null()]),
  /** `live`: this bff process, asked now; `heartbeat`: the instance's report at its last beat. */
  source: Type.Union([Type.Literal('live'), Type.Literal('heartbeat')]),
  reportedAt: Type.String({ format: 'date-time' }),
  uptimeSeconds: Type.Union([Type.Number(), Type.Null()]),
  checks: Type.Array(CheckSummary),
});
export type ServiceInstanceStatus = Static<typeof ServiceInstanceStatus>;

export const QueueStatus = Type.Object({
  queue: Type.String(),
  waiting: Type.Integer(),
  active: Type.Integer(),
  delayed: Type.Integer(),
  failed: Type.Integer(),
});
export type QueueStatus = Static<typeof QueueStatus>;

/** GET /api/admin/system (admin only). */
export const SystemStatus = Type.Object({
  state: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  checkedAt: Type.String({ format: 'date-time' }),
  services: Type.Array(ServiceInstanceStatus),
  queues: Type.Array(QueueStatus),
  streams: Type.Object({
    total: Type.Integer(),
    up: Type.Integer(),
    down: Type.Integer(),
    unknown: Type.Integer(),
    inactive: Type.Integer(),
  }),
});
export type SystemStatus = Static<typeof SystemStatus>;
