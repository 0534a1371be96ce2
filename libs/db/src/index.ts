export * from './database';
export * from './create-postgres-database';
export * from './open-database';
export * from './migrate';
export * from './schema-version';
export * from './wait-for-database';
export * from './migration-manifest';
export * from './keyset-page';
