// royalties.calculate-cycle: prices a royalty cycle's plays. The service is
// idempotent and resumable, so a retried or duplicated job is harmless.
import type { Logger } from '@zamio/logger';
import type { BusinessMetrics } from '@zamio/metrics';
import type { JobHandler } from '@zamio/queue';
import type { CycleService } from '@zamio/royalties';

export function calculateCycleJob(
  cycles: CycleService,
  logger: Logger,
  metrics: BusinessMetrics,
): JobHandler<'royalties.calculate-cycle'> {
  return async (data) => {
    try {
      const result = await cycles.calculateCycle(data.cycleId);
      metrics.royaltyRuns.inc({ outcome: 'completed' });
      logger.info(
        {
          cycleId: data.cycleId,
          pricedPlays: result.pricedPlays,
          correctedPlays: result.correctedPlays,
          status: result.cycle.status,
        },
        'royalty cycle calculated',
      );
    } catch (error) {
      metrics.royaltyRuns.inc({ outcome: 'failed' });
      throw error;
    }
  };
}
