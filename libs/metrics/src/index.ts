export * from './business-metrics';
export * from './service-metrics';
export * from './metrics-server';
export * from './storage-metrics';
