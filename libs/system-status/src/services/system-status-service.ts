// The admin status page's one read: every service instance's health, version
// and revision (this bff process live, workers from their last heartbeat),
// each job queue's depths and failures, and the monitored streams' health.
import type { Database } from '@zamio/db';
import type { HealthReport } from '@zamio/health';
import type { JobProducer, QueueDepth } from '@zamio/queue';
import * as heartbeats from '../repositories/heartbeats-repository';
import { instanceStateOf, overallStateOf, type InstanceState } from '../rules/service-state';

export interface StreamHealthCounts {
  total: number;
  up: number;
  down: number;
  unknown: number;
  inactive: number;
}

export interface ServiceInstanceStatus {
  service: string;
  instance: string;
  state: InstanceState;
  version: string;
  revision: string | null;
  /** `live`: asked just now; `heartbeat`: the instance's report at its last beat. */
  source: 'live' | 'heartbeat';
  reportedAt: Date;
  health: HealthReport | null;
}

export interface SystemStatus {
  state: 'ok' | 'degraded' | 'down';
  checkedAt: Date;
  services: ServiceInstanceStatus[];
  queues: QueueDepth[];
  streams: StreamHealthCounts;
}

export interface SystemStatusDependencies {
  db: Database;
  jobs: Pick<JobProducer, 'depths'>;
  /** The monitored streams' counts per state (libs/airplay, passed in by the composition root). */
  streamHealth: () => Promise<StreamHealthCounts>;
  clock?: () => Date;
}

export function createSystemStatusService({
  db,
  jobs,
  streamHealth,
  clock = () => new Date(),
}: SystemStatusDependencies) {
  return {
    /** `self` is the calling process's own health report and instance name. */
    async describeSystem(self: {
      instance: string;
      report: () => Promise<HealthReport>;
    }): Promise<SystemStatus> {
      const [report, beats, queues, streams] = await Promise.all([
        self.report(),
        heartbeats.listRecent(db),
        jobs.depths(),
        streamHealth(),
      ]);
      const now = clock();
      const services: ServiceInstanceStatus[] = [
        {
          service: report.service,
          instance: self.instance,
          state: report.status,
          version: report.version,
          revision: report.revision,
          source: 'live',
          reportedAt: now,
          health: report,
        },
        ...beats.map((beat) => ({
          service: beat.service,
          instance: beat.instance,
          state: instanceStateOf(beat, now),
          version: beat.version,
          revision: beat.revision,
          source: 'heartbeat' as const,
          reportedAt: beat.beatAt,
          health: beat.health,
        })),
      ];
      return {
        state: overallStateOf(services.map((service) => service.state)),
        checkedAt: now,
        services,
        queues,
        streams,
      };
    },
  };
}

export type SystemStatusService = ReturnType<typeof createSystemStatusService>;
