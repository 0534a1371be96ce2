export * from './open-platform';
export * from './open-database';
export * from './open-jobs';
export * from './data-health-checks';
export * from './lifecycle';
export * from './run-clustered';
export * from './container-cpus';
