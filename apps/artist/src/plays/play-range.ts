// The plays filter's calendar days → the API's instants: `from` at the start
// of the first day, `to` (exclusive) at the start of the day after the last.
// Days are UTC days, which are Accra's days (GMT all year).
import type { DateRange } from '@zamio/ui';

const DAY_MS = 86_400_000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The last 30 days, today included. */
export const defaultPlaysRange = (now = Date.now()): DateRange => ({
  from: dayOf(now - 29 * DAY_MS),
  to: dayOf(now),
});

export function rangeOfDays({ from, to }: DateRange, now = Date.now()): { from: string; to: string } {
  const first = from || dayOf(now - 29 * DAY_MS);
  const last = to || dayOf(now);
  return {
    from: `${first}T00:00:00.000Z`,
    to: new Date(Date.parse(`${last}T00:00:00.000Z`) + DAY_MS).toISOString(),
  };
}
