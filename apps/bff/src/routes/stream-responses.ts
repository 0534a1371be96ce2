// Stream records → the API's Stream shape: ISO dates, a private mount's password masked.
import { displayStreamUrl, type StationStream } from '@zamio/airplay';
import type { Stream } from '@zamio/contracts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const streamBody = (stream: StationStream): Stream => ({
  id: stream.id,
  stationId: stream.stationId,
  url: displayStreamUrl(stream.url),
  label: stream.label,
  active: stream.active,
  state: stream.state,
  consecutiveFailures: stream.consecutiveFailures,
  lastCheckedAt: iso(stream.lastCheckedAt),
  lastError: stream.lastError,
  stateChangedAt: iso(stream.stateChangedAt),
  createdAt: stream.createdAt.toISOString(),
});
