export * from './test-database';
export * from './test-redis';
export * from './capture-logs';
export * from './free-port';
export * from './run-entry';
export * from './tcp-proxy';
export * from './json-lines';
