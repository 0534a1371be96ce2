// Query keys of the artist's lists: live events and mutations invalidate by
// these prefixes.
import type { TrackStatus } from '@zamio/contracts';

export const tracksQueryKey = ['artist', 'tracks'] as const;
export const trackQueryKey = (trackId: string) => ['artist', 'track', trackId] as const;
export const splitsQueryKey = (trackId: string) => ['artist', 'track', trackId, 'splits'] as const;
export const playsQueryKey = ['artist', 'plays'] as const;
export const playsSummaryQueryKey = ['artist', 'plays-summary'] as const;

/** Fingerprinting is under way: the page polls until the track is ready or failed. */
export const isSettling = (status: TrackStatus) => status === 'uploaded' || status === 'processing';
export const SETTLING_POLL_MS = 2_000;

/** Live events that change what the artist's pages show. */
export const ARTIST_LIVE_INVALIDATION = {
  'play.changed': [playsQueryKey, playsSummaryQueryKey, ['artist', 'track']],
} as const;

export const STATUS_HINTS: Record<TrackStatus, string> = {
  draft: 'No audio yet',
  uploaded: 'Waiting to be fingerprinted',
  processing: 'Fingerprinting…',
  ready: 'Recognised on air',
  failed: 'Fingerprinting failed',
};
