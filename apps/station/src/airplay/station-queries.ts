// Query keys of the station's lists: live events and mutations invalidate by
// these prefixes.
export const capturesQueryKey = ['station', 'captures'] as const;
export const detectionsQueryKey = ['station', 'detections'] as const;
export const playsQueryKey = ['station', 'plays'] as const;
export const streamsQueryKey = ['station', 'streams'] as const;
export const playlogsQueryKey = ['station', 'playlogs'] as const;
export const profileQueryKey = ['station', 'profile'] as const;

/** A new detection changes the captures (matched) and detections lists; a play change the plays. */
export const STATION_LIVE_INVALIDATION = {
  'detection.created': [capturesQueryKey, detectionsQueryKey],
  'play.changed': [playsQueryKey, detectionsQueryKey],
} as const;

/** Pending captures are matched within seconds: lists showing one look again this often. */
export const PENDING_POLL_MS = 3_000;

export const percentOf = (confidence: number) => `${Math.round(confidence * 100)} %`;

/** "1:05.2" — where in a track a capture or play starts. */
export function formatOffset(seconds: number): string {
  const whole = Math.max(0, seconds);
  const minutes = Math.floor(whole / 60);
  const rest = (whole - minutes * 60).toFixed(1).padStart(4, '0');
  return `${minutes}:${rest}`;
}
