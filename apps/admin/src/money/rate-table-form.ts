// The rate table editor's rules: a new version's form prefilled from the
// current one, every problem named per field (client side, and the server's
// refusals mapped onto the same fields), and the body the bff takes.
import type { RateTableCreateBody, RateTableVersion } from '@zamio/contracts';
import { isApiError } from '@zamio/api-client';

export const STATION_CLASSES = ['class_a', 'class_b', 'class_c', 'online', 'community'] as const;
export type StationClassName = (typeof STATION_CLASSES)[number];
export const RATE_PARTS = ['baseRate', 'prime', 'regular', 'offPeak'] as const;
export type RatePart = (typeof RATE_PARTS)[number];

export const CLASS_LABEL: Record<StationClassName, string> = {
  class_a: 'Class A',
  class_b: 'Class B',
  class_c: 'Class C',
  online: 'Online',
  community: 'Community',
};
export const PART_LABEL: Record<RatePart, string> = {
  baseRate: 'Base rate (GHS/s)',
  prime: 'Prime ×',
  regular: 'Regular ×',
  offPeak: 'Off-peak ×',
};

export interface RateTableDraft {
  /** `YYYY-MM-DDTHH:mm` in the admin's browser time zone (datetime-local). */
  effectiveFrom: string;
  note: string;
  rates: Record<StationClassName, Record<RatePart, string>>;
}

/** Field ids: `effectiveFrom`, `note`, `rates.class_a.baseRate`, … */
export type RateFieldErrors = Record<string, string>;

/** An integer scaled by 10^scale as the shortest decimal string: (15000, 6) → "0.015", (15000, 4) → "1.5". */
export function scaledToDecimal(value: number, scale: number): string {
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A Date as the value of a datetime-local input in the browser's zone. */
export const toLocalInput = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** A new version's draft: the current version's rates, effective tomorrow at 00:00. */
export function draftFrom(current: RateTableVersion | undefined, now = new Date()): RateTableDraft {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const rates = {} as RateTableDraft['rates'];
  for (const stationClass of STATION_CLASSES) {
    const rate = current?.rates[stationClass];
    rates[stationClass] = rate
      ? {
          baseRate: scaledToDecimal(rate.baseRateMicro, 6),
          prime: scaledToDecimal(rate.primeBp, 4),
          regular: scaledToDecimal(rate.regularBp, 4),
          offPeak: scaledToDecimal(rate.offPeakBp, 4),
        }
      : { baseRate: '', prime: '1', regular: '1', offPeak: '1' };
  }
  return { effectiveFrom: toLocalInput(tomorrow), note: '', rates };
}

const BASE_RATE = /^\d+(\.\d{1,6})?$/;
const MULTIPLIER = /^\d+(\.\d{1,4})?$/;

/** Every problem of the draft, per field, or the body to send. */
export function checkRateTable(
  draft: RateTableDraft,
): { ok: true; body: RateTableCreateBody } | { ok: false; errors: RateFieldErrors } {
  const errors: RateFieldErrors = {};
  const effective = new Date(draft.effectiveFrom);
  if (!draft.effectiveFrom || Number.isNaN(effective.getTime()))
    errors.effectiveFrom = 'Enter the date and time the new rates take effect';
  if (draft.note.length > 500) errors.note = 'Keep the note under 500 characters';
  for (const stationClass of STATION_CLASSES)
    for (const part of RATE_PARTS) {
      const value = draft.rates[stationClass][part].trim();
      const field = `rates.${stationClass}.${part}`;
      if (part === 'baseRate') {
        if (!BASE_RATE.test(value))
          errors[field] = 'Enter GHS per second with at most 6 decimals, e.g. 0.015';
        else if (Number(value) === 0) errors[field] = 'A base rate must be above 0';
      } else if (!MULTIPLIER.test(value))
        errors[field] = 'Enter a multiplier with at most 4 decimals, e.g. 1.5';
    }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const rates = {} as RateTableCreateBody['rates'];
  for (const stationClass of STATION_CLASSES) {
    const r = draft.rates[stationClass];
    rates[stationClass] = {
      baseRate: r.baseRate.trim(),
      prime: r.prime.trim(),
      regular: r.regular.trim(),
      offPeak: r.offPeak.trim(),
    };
  }
  const note = draft.note.trim();
  return { ok: true, body: { effectiveFrom: effective.toISOString(), ...(note ? { note } : {}), rates } };
}

const SERVER_PART: Record<string, RatePart> = {
  baseRate: 'baseRate',
  baseRateMicro: 'baseRate',
  prime: 'prime',
  'multipliers.prime': 'prime',
  'multipliersBp.prime': 'prime',
  regular: 'regular',
  'multipliers.regular': 'regular',
  'multipliersBp.regular': 'regular',
  offPeak: 'offPeak',
  'multipliers.off_peak': 'offPeak',
  'multipliersBp.off_peak': 'offPeak',
};

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The bff's refusal on the fields it names: schema errors
 * ("body/rates/class_a/prime must match pattern …"), the service's
 * ("rates.class_a.multipliers.prime: …", several joined by "; ") and the
 * conflicts about the effective date (409). Anything else is for the form.
 */
export function serverRateErrors(error: unknown): { fields: RateFieldErrors; form: string | undefined } {
  const fields: RateFieldErrors = {};
  if (!isApiError(error)) return { fields, form: 'Something went wrong. Try again.' };
  if (error.status === 409) return { fields: { effectiveFrom: sentence(error.message) }, form: undefined };
  if (error.status !== 400) return { fields, form: error.message || 'Something went wrong. Try again.' };
  const leftovers: string[] = [];
  for (const part of error.message.split(/; |, (?=body)/)) {
    const schema = /^body\/rates\/(\w+)\/(\w+) (.+)$/.exec(part.trim());
    const service = /^rates\.(\w+)\.([\w.]+): (.+)$/.exec(part.trim());
    const match = schema ?? service;
    const ratePart = match ? SERVER_PART[match[2]!] : undefined;
    if (match && ratePart && (STATION_CLASSES as readonly string[]).includes(match[1]!)) {
      fields[`rates.${match[1]}.${ratePart}`] ??= sentence(match[3]!);
      continue;
    }
    const top = /^(?:body\/|")?(effectiveFrom|note)"? ?(.+)$/.exec(part.trim());
    if (top) fields[top[1]!] ??= sentence(top[2]!);
    else leftovers.push(part);
  }
  return { fields, form: leftovers.length ? sentence(leftovers.join('; ')) : undefined };
}
