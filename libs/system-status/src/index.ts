// System status: how the platform's own services are doing (heartbeats today).
export type { Heartbeat } from './repositories/heartbeats-repository';
export * as heartbeatsRepository from './repositories/heartbeats-repository';
export * from './services/heartbeat-service';
