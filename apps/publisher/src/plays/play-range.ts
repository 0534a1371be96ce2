// The plays filter's calendar days → the API's instants: `from` at the start
// of the first day, `to` (exclusive) at the start of the day after the last.
// Days are UTC days, which are Accra's days (GMT all year).
import type { DateRange } from '@zamio/ui';

const DAY_MS = 86_400_000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The last 90 days, today included. */
export const defaultPlaysRange = (now = Date.now()): DateRange => ({
  from: dayOf(now - 89 * DAY_MS),
  to: dayOf(now),
});

/** Empty ends stay open (no bound). */
export function rangeOfDays({ from, to }: DateRange): { from?: string; to?: string } {
  return {
    ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
    ...(to ? { to: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS).toISOString() } : {}),
  };
}
