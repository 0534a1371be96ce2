export * from './app-error';
export * from './unavailable-error';
export * from './rate-limited-error';
export * from './http-status';
