// An earner's cycles per calendar month for EarningsPerMonthChart: a cycle
// counts in the month its period starts (cycles are monthly or shorter),
// amounts summed in integer pesewas, oldest month first.
import type { CycleEarning } from '@zamio/contracts';

export function earningsPerMonth(
  cycles: readonly Pick<CycleEarning, 'periodStart' | 'amountMinor'>[],
): { month: string; pesewas: number }[] {
  const byMonth = new Map<string, number>();
  for (const cycle of cycles) {
    const month = cycle.periodStart.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + cycle.amountMinor);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, pesewas]) => ({ month, pesewas }));
}
