// Cycle rules for the admin pages: the period as first and last day (the bff
// takes an exclusive end), what can be done in each state, and the progress.
import type { Cycle } from '@zamio/contracts';

/** "2026-11-30" → "2026-12-01" (calendar arithmetic in UTC, no time zone involved). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
export const previousDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

export interface CycleDraft {
  name: string;
  firstDay: string;
  lastDay: string;
}
export type CycleField = keyof CycleDraft;

export function checkCycle(
  draft: CycleDraft,
):
  | { ok: true; body: { name: string; periodStart: string; periodEnd: string } }
  | { ok: false; errors: Partial<Record<CycleField, string>> } {
  const errors: Partial<Record<CycleField, string>> = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Name the cycle, e.g. "November 2026"';
  else if (name.length > 120) errors.name = 'Keep the name under 120 characters';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.firstDay)) errors.firstDay = 'Choose the first day of the period';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.lastDay)) errors.lastDay = 'Choose the last day of the period';
  else if (!errors.firstDay && draft.lastDay < draft.firstDay)
    errors.lastDay = 'The last day must be on or after the first day';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { name, periodStart: draft.firstDay, periodEnd: nextDay(draft.lastDay) } };
}

/** The previous calendar month as a draft (the usual monthly cycle). */
export function lastMonthDraft(now = new Date()): CycleDraft {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const name = new Intl.DateTimeFormat('en-GH', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    first,
  );
  return { name, firstDay: first.toISOString().slice(0, 10), lastDay: last.toISOString().slice(0, 10) };
}

/** Calculating again is safe (idempotent) and resumes a run a crash interrupted. */
export const canCalculate = (cycle: Cycle) => cycle.status !== 'locked';
export const canLock = (cycle: Cycle) => cycle.status === 'calculated';

/** Whole percent of the calculation done (0 before it knows how many plays there are). */
export function progressPercent(cycle: Cycle): number {
  const { done, total } = cycle.progress;
  if (total <= 0) return cycle.status === 'calculated' || cycle.status === 'locked' ? 100 : 0;
  return Math.min(100, Math.floor((done * 100) / total));
}
