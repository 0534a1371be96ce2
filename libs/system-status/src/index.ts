// System status: how the platform's own services are doing — heartbeats, and
// the admin status page's view of every service, queue and stream.
export type { Heartbeat } from './repositories/heartbeats-repository';
export * as heartbeatsRepository from './repositories/heartbeats-repository';
export * from './rules/service-state';
export * from './services/heartbeat-service';
export * from './services/system-status-service';
