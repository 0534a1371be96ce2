// Earnings per cycle → per month for the chart: a cycle counts in the month its
// period starts (cycles are monthly or shorter), amounts summed in pesewas.
import type { Earnings } from '@zamio/contracts';

export type CycleEarning = Earnings['cycles'][number];

export function earningsPerMonth(cycles: readonly CycleEarning[]): { month: string; pesewas: number }[] {
  const months = new Map<string, number>();
  for (const cycle of cycles) {
    const month = cycle.periodStart.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + cycle.amountMinor);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, pesewas]) => ({ month, pesewas }));
}
