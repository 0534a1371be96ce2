// The rate table editor: history of versions, and a change is a new version
// from an effective date. A version that would reprice plays already priced
// (effective before them) is refused; a used version is frozen by the database.
import type { Database } from '@zamio/db';
import { conflict, invalid } from '@zamio/errors';
import { classRate, type ClassRate } from '../rate-table.ts';
import { RoyaltyError } from '../errors.ts';
import * as rateTables from '../repositories/rate-tables-repository.ts';
import type { RateTableVersion } from '../repositories/rate-tables-repository.ts';
import { STATION_CLASSES, type StationClass } from '../station-class.ts';
import { validateRateTable } from '../validate-rate-table.ts';
import { recordAudit } from './audit.ts';

/** Rates as people type them: GHS per second and multipliers as decimal strings. */
export type RateInput = Record<
  StationClass,
  { baseRate: string; prime: string; regular: string; offPeak: string }
>;

export function createRateTableService({ db }: { db: Database }) {
  return {
    listRateTables: (): Promise<RateTableVersion[]> => rateTables.listAll(db),

    async addRateTableVersion(
      input: { effectiveFrom: Date; note: string | null; rates: RateInput },
      actorId: string,
    ): Promise<RateTableVersion> {
      if (Number.isNaN(input.effectiveFrom.getTime())) throw invalid('"effectiveFrom" must be an instant');
      const rates = {} as Record<StationClass, ClassRate>;
      for (const stationClass of STATION_CLASSES) {
        const given = input.rates[stationClass];
        if (!given) throw invalid(`rates.${stationClass}: missing`);
        try {
          rates[stationClass] = classRate(given.baseRate, given.prime, given.regular, given.offPeak);
        } catch (error) {
          if (error instanceof RoyaltyError)
            throw invalid(`rates.${stationClass}.${error.field ?? ''}: ${error.message}`);
          throw error;
        }
      }
      const problems = validateRateTable({
        id: 'new',
        effectiveFromMs: input.effectiveFrom.getTime(),
        rates,
      });
      if (problems.length > 0) throw invalid(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
      return db.transaction(async (tx) => {
        if (await rateTables.pricedPlayStartedSince(tx, input.effectiveFrom))
          throw conflict(
            `plays from ${input.effectiveFrom.toISOString()} on are already priced; choose a later effective date`,
          );
        let id: string;
        try {
          id = await rateTables.insert(tx, { ...input, createdBy: actorId, rates });
        } catch (error) {
          if ((error as { code?: string }).code === '23505')
            throw conflict(
              `a rate table version already takes effect at ${input.effectiveFrom.toISOString()}`,
            );
          throw error;
        }
        await recordAudit(tx, {
          actorId,
          action: 'rate-table.version-added',
          subjectType: 'rate_table_version',
          subjectId: id,
          details: { effectiveFrom: input.effectiveFrom.toISOString(), rates: input.rates },
        });
        return (await rateTables.findById(tx, id))!;
      });
    },
  };
}

export type RateTableService = ReturnType<typeof createRateTableService>;
