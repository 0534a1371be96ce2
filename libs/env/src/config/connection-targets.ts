// The one place that knows the two local stand-ins: `pglite:` in DATABASE_URL
// selects the embedded database, `memory:` in REDIS_URL keeps queues and rate
// limits in process. Validators, production refusals and the config
// translation all ask here; nothing else looks at a URL's scheme.
export const EMBEDDED_DATABASE_SCHEME = 'pglite:';
export const IN_PROCESS_REDIS_SCHEME = 'memory:';

export const isEmbeddedDatabaseUrl = (url: string): boolean => url.startsWith(EMBEDDED_DATABASE_SCHEME);
export const isInProcessRedisUrl = (url: string): boolean => url.startsWith(IN_PROCESS_REDIS_SCHEME);

/** `pglite:memory` (or `pglite:`) keeps the data in memory; `pglite:<dir>` in that folder. */
export function embeddedDataDirOf(url: string): string | undefined {
  const location = url.slice(EMBEDDED_DATABASE_SCHEME.length);
  return location === '' || location === 'memory' ? undefined : location;
}
