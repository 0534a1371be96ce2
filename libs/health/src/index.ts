export * from './contracts';
export * from './run-checks';
