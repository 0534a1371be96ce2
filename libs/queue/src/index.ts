export * from './jobs';
export * from './queue-settings';
export * from './job-queue';
export * from './create-redis';
export * from './create-bullmq-queue';
export * from './create-in-process-queue';
export * from './queue-unavailable-error';
export * from './wait-for-redis';
