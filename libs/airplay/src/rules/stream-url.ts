// What a station may register as a stream: an http(s) URL of reasonable
// length (a private mount may carry user:password), and how it is shown back
// (the password never is).
import { invalid } from '@zamio/errors';

export const STREAM_URL_MAX_LENGTH = 2_048;
export const STREAM_LABEL_MAX_LENGTH = 100;
/** Streams one station may register (each costs a recording every interval). */
export const STREAMS_PER_STATION = 10;

export function checkStreamUrl(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw invalid('field "url" must not be empty');
  if (trimmed.length > STREAM_URL_MAX_LENGTH)
    throw invalid(`field "url" must be at most ${STREAM_URL_MAX_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw invalid(
      'field "url" is not a URL (expected an http or https stream address, e.g. of an Icecast mount)',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid(`field "url" must be an http:// or https:// stream (got ${url.protocol})`);
  if (!url.hostname) throw invalid('field "url" has no host');
  url.hash = '';
  return url.href;
}

export function checkStreamLabel(label: string | null | undefined): string | null {
  const trimmed = label?.trim() ?? '';
  if (trimmed.length === 0) return null;
  if (trimmed.length > STREAM_LABEL_MAX_LENGTH)
    throw invalid(`field "label" must be at most ${STREAM_LABEL_MAX_LENGTH} characters`);
  return trimmed;
}

/** The URL as shown to people: credentials of a private mount masked. */
export function displayStreamUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.href;
  } catch {
    return text;
  }
}
