// Validation for admin-edited rate tables. Returns every problem at once, each
// naming its field, so the admin form can highlight them all.
import type { FieldError } from './errors.ts';
import { PERIODS } from './periods.ts';
import type { RateTable } from './rate-table.ts';
import { STATION_CLASSES, isStationClass } from './station-class.ts';

export function validateRateTable(table: RateTable): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof table.id !== 'string' || table.id.trim() === '') {
    errors.push({ field: 'id', message: 'id must be a non-empty string' });
  }
  if (!Number.isSafeInteger(table.effectiveFromMs)) {
    errors.push({ field: 'effectiveFromMs', message: 'effectiveFromMs must be an integer epoch-ms instant' });
  }
  const rates = (table.rates ?? {}) as Record<string, unknown>;
  for (const stationClass of STATION_CLASSES) {
    const rate = rates[stationClass] as RateTable['rates'][typeof stationClass] | undefined;
    const base = `rates.${stationClass}`;
    if (!rate) {
      errors.push({ field: base, message: `missing rate for station class ${stationClass}` });
      continue;
    }
    if (!Number.isSafeInteger(rate.baseRateMicro) || rate.baseRateMicro <= 0) {
      errors.push({
        field: `${base}.baseRateMicro`,
        message: 'base rate must be a positive integer (micro-GHS/s)',
      });
    }
    for (const period of PERIODS) {
      const m = rate.multipliersBp?.[period];
      if (typeof m !== 'number' || !Number.isSafeInteger(m) || m < 0) {
        errors.push({
          field: `${base}.multipliersBp.${period}`,
          message: 'multiplier must be an integer ≥ 0 (basis points)',
        });
      }
    }
  }
  for (const key of Object.keys(rates)) {
    if (!isStationClass(key)) errors.push({ field: `rates.${key}`, message: `unknown station class ${key}` });
  }
  return errors;
}

/**
 * Validate a set of tables: each table individually (fields prefixed with
 * `tables[i].`), plus no two tables sharing an effective instant (which would
 * make "the table in force" ambiguous) or an id.
 */
export function validateRateTables(tables: readonly RateTable[]): FieldError[] {
  const errors: FieldError[] = [];
  const byInstant = new Map<number, number>();
  const byId = new Map<string, number>();
  tables.forEach((table, i) => {
    for (const e of validateRateTable(table))
      errors.push({ field: `tables[${i}].${e.field}`, message: e.message });
    const sameInstant = byInstant.get(table.effectiveFromMs);
    if (sameInstant !== undefined) {
      errors.push({
        field: `tables[${i}].effectiveFromMs`,
        message: `same effective instant as tables[${sameInstant}]`,
      });
    } else byInstant.set(table.effectiveFromMs, i);
    const sameId = byId.get(table.id);
    if (sameId !== undefined) {
      errors.push({
        field: `tables[${i}].id`,
        message: `duplicate id "${table.id}" (also tables[${sameId}])`,
      });
    } else byId.set(table.id, i);
  });
  return errors;
}
