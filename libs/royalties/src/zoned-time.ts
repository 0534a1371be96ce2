// Local wall-clock reading of an instant in an IANA timezone, using only the
// built-in Intl API (full ICU ships with Node). No clock reads: the instant is passed in.
import { RoyaltyError } from './errors.ts';
import { DAY_MS } from './periods.ts';

// Building a DateTimeFormat is costly; a per-zone cache keeps results identical
// (it is pure memoisation, no observable state).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RoyaltyError(
        'invalid_timezone',
        `timezone: "${timeZone}" is not a known IANA zone`,
        'timezone',
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws RoyaltyError('invalid_timezone') unless Intl knows the zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

export interface WallClock {
  /** Local date-time encoded as if it were UTC ms (handy for arithmetic). */
  readonly localMs: number;
  /** ms since local midnight. */
  readonly msOfDay: number;
  /** UTC offset in ms at this instant (local − UTC). */
  readonly offsetMs: number;
}

export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  // Intl resolves to whole seconds; carry the sub-second part over unchanged
  // (every real-world offset is a whole number of seconds).
  const subSecond = ((instantMs % 1000) + 1000) % 1000;
  const localMs =
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) +
    subSecond;
  const msOfDay = ((localMs % DAY_MS) + DAY_MS) % DAY_MS;
  return { localMs, msOfDay, offsetMs: localMs - instantMs };
}

/**
 * First instant in (fromMs, toMs] whose UTC offset differs from the one at
 * fromMs, found by bisection to the millisecond. Caller guarantees offsets at
 * fromMs and toMs differ (at most one transition lies between them in practice).
 */
export function findOffsetTransition(fromMs: number, toMs: number, timeZone: string): number {
  const baseOffset = wallClockAt(fromMs, timeZone).offsetMs;
  let lo = fromMs; // offset === base
  let hi = toMs; // offset !== base
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (wallClockAt(mid, timeZone).offsetMs === baseOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}
