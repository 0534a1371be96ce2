// The shape of coolify/resources.yaml, checked with TypeBox before anything
// talks to Coolify: a typo in the file must fail here, not half-way through a rollout.
import Type, { type Static } from 'typebox';

const HealthCheck = Type.Object(
  {
    // `cmd` for the Node images (no curl/wget inside), `http` where curl exists (nginx).
    type: Type.Union([Type.Literal('http'), Type.Literal('cmd')]),
    command: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9 \\-_./:=@,+]+$' })),
    path: Type.String({ pattern: '^/' }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    interval: Type.Integer({ minimum: 1 }),
    timeout: Type.Integer({ minimum: 1 }),
    retries: Type.Integer({ minimum: 1 }),
    start_period: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

const Domains = Type.Object(
  {
    public: Type.Union([Type.Boolean(), Type.Literal('optional')]),
    example: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const Volume = Type.Object(
  {
    name: Type.String(),
    mount: Type.String({ pattern: '^/' }),
    /**
     * A Coolify "directory mount" of this host path (`{environment}` filled in by
     * the operator), shared by every application that names it; without it, a
     * Docker volume of this application alone.
     */
    host_path: Type.Optional(Type.String({ pattern: '^/' })),
  },
  { additionalProperties: false },
);

const Application = Type.Object(
  {
    description: Type.String(),
    image: Type.String({ minLength: 1 }),
    env_schema: Type.Union([Type.Literal('bff'), Type.Literal('worker'), Type.Literal('portal')]),
    env_example: Type.String(),
    ports_exposes: Type.String({ pattern: '^[0-9]+(,[0-9]+)*$' }),
    requires: Type.Array(Type.String()),
    depends_on: Type.Array(Type.String()),
    health_check: HealthCheck,
    stop_grace_period: Type.Integer({ minimum: 1, maximum: 3600 }),
    docker_images_to_keep: Type.Integer({ minimum: 0, maximum: 100 }),
    domains: Domains,
    /**
     * Extra name on the `coolify` network, `{environment}` filled in: an
     * application container is only reachable as `<uuid>-<timestamp>` (a new
     * name every deploy), so others need a stable alias set through the API.
     */
    network_alias: Type.Optional(
      Type.String({ pattern: '^[a-z0-9][a-z0-9-]*(\\{environment\\})?[a-z0-9-]*$' }),
    ),
    /** The application whose network alias INTERNAL_API_URL must point at. */
    internal_api: Type.Optional(Type.String()),
    /** Traefik middlewares (`name@file`) attached to the application's routers. */
    proxy_middlewares: Type.Array(Type.String({ pattern: '^[A-Za-z0-9-]+@file$' })),
    volumes: Type.Optional(Type.Array(Volume)),
    scale: Type.String(),
  },
  { additionalProperties: false },
);

const Database = Type.Object(
  {
    type: Type.Union([Type.Literal('postgresql'), Type.Literal('redis')]),
    image: Type.String(),
    internal_url: Type.String(),
    is_public: Type.Boolean(),
    backups: Type.Union([Type.Literal('none'), Type.Record(Type.String(), Type.Unknown())]),
  },
  { additionalProperties: false },
);

const EnvironmentApplication = Type.Object(
  { uuid: Type.String({ minLength: 1 }), domains: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

const Environment = Type.Object(
  {
    project: Type.String(),
    environment_name: Type.String(),
    databases: Type.Record(
      Type.String(),
      Type.Object({ uuid: Type.String() }, { additionalProperties: false }),
    ),
    applications: Type.Record(Type.String(), EnvironmentApplication),
  },
  { additionalProperties: false },
);

export const ResourcesFile = Type.Object(
  {
    version: Type.Literal(1),
    databases: Type.Record(Type.String(), Database),
    applications: Type.Record(Type.String(), Application),
    environments: Type.Record(Type.String(), Environment),
  },
  { additionalProperties: false },
);

export type ResourcesFile = Static<typeof ResourcesFile>;
export type ApplicationResource = Static<typeof Application>;
export type HealthCheckResource = Static<typeof HealthCheck>;
