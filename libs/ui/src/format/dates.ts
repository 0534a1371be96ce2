// Dates and durations for people. Instants travel as ISO strings (UTC); they
// are shown in the timezone that matters for them — a play in its station's
// timezone, a statement in Africa/Accra — never silently in the browser's.

export const DEFAULT_TIME_ZONE = 'Africa/Accra';
export const DEFAULT_LOCALE = 'en-GH';

export interface DateFormatOptions {
  timeZone?: string;
  locale?: string;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, formatter);
  }
  return formatter;
}

const toDate = (value: string | number | Date): Date => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return date;
};

/** "1 Dec 2026, 07:30 GMT" — date, time and the zone's short name. */
export function formatDateTime(
  value: string | number | Date,
  { timeZone = DEFAULT_TIME_ZONE, locale = DEFAULT_LOCALE }: DateFormatOptions = {},
): string {
  return dateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(toDate(value));
}

/** "1 Dec 2026" — the calendar day in that timezone. */
export function formatDate(
  value: string | number | Date,
  { timeZone = DEFAULT_TIME_ZONE, locale = DEFAULT_LOCALE }: DateFormatOptions = {},
): string {
  return dateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(
    toDate(value),
  );
}

/** "2026-12-01" — the calendar day of an instant in a timezone (for grouping and date inputs). */
export function calendarDayIn(value: string | number | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(toDate(value))
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "Dec 2026" for a "2026-12" month key (earnings per month). */
export function formatMonth(monthKey: string, locale = DEFAULT_LOCALE): string {
  const match = /^(\d{4})-(\d{2})$/.exec(monthKey);
  if (!match) throw new RangeError(`not a YYYY-MM month: ${monthKey}`);
  return dateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}

/** "1 Dec" for a "2026-12-01" day key (chart axes). */
export function formatDayShort(dayKey: string, locale = DEFAULT_LOCALE): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dayKey);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: ${dayKey}`);
  return dateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))),
  );
}

/** 210 → "3 min 30 s", 3725 → "1 h 2 min 5 s", 9 → "9 s" (play lengths). */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0)
    throw new RangeError(`not a duration: ${totalSeconds}`);
  const seconds = Math.round(totalSeconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : ''];
  return parts.filter(Boolean).join(' ');
}
