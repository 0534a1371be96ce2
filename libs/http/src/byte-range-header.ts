// The HTTP Range header of a download (RFC 9110 §14): one range of bytes —
// `bytes=0-99`, `bytes=500-` or the last n bytes `bytes=-500`. Anything else
// (several ranges, other units, nonsense) is ignored and the whole file is
// served, as the RFC allows; whether a range fits the file is decided later
// (416 when it starts past the end).
export type RequestedRange = { start: number; end?: number } | { suffix: number };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/i;

export function parseRangeHeader(header: string | undefined): RequestedRange | undefined {
  const match = header ? SINGLE_RANGE.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') return safe(Number(last)) ? { suffix: Number(last) } : undefined;
  const start = Number(first);
  if (!safe(start)) return undefined;
  if (last === '') return { start };
  const end = Number(last);
  // An end before the start makes the header invalid: ignored (RFC 9110 §14.1.1).
  return safe(end) && end >= start ? { start, end } : undefined;
}

const safe = (n: number) => Number.isSafeInteger(n) && n >= 0;
