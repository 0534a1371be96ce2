// The environment of embedded mode: every default that lets `npm start` run
// on a fresh machine with no servers, overridable from the real environment.
export interface EmbeddedPorts {
  bff: number;
  workerHealth: number;
  portals: Record<PortalName, number>;
}

export const PORTALS = ['artist', 'station', 'publisher', 'admin'] as const;
export type PortalName = (typeof PORTALS)[number];

export function embeddedPorts(env: Record<string, string | undefined>): EmbeddedPorts {
  const base = Number(env.ZAMIO_PORT_BASE ?? 5173);
  return {
    bff: Number(env.PORT ?? 3000),
    workerHealth: Number(env.WORKER_HEALTH_PORT ?? 3001),
    portals: { artist: base, station: base + 1, publisher: base + 2, admin: base + 3 },
  };
}

export function embeddedServerEnv(
  env: Record<string, string | undefined>,
  ports: EmbeddedPorts,
): Record<string, string | undefined> {
  return {
    ZAMIO_ENV: 'local',
    HOST: '127.0.0.1',
    DATABASE_URL: 'pglite:.data/pglite',
    REDIS_URL: 'memory:',
    METRICS_PORT: '0',
    SEED_DEMO_DATA: 'true',
    ...env,
    PORT: String(ports.bff),
    WORKER_HEALTH_PORT: String(ports.workerHealth),
  };
}
