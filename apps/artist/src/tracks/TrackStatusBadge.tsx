import type { Track } from '@zamio/contracts';
import { StatusBadge } from '@zamio/ui';

/** The track's status; a failed track also says why, in the artist's words, under the badge. */
export function TrackStatusBadge({ track, showReason = true }: { track: Track; showReason?: boolean }) {
  const status = track.withdrawnAt ? 'withdrawn' : track.status;
  return (
    <span className="zamio-track-status" data-testid="track-status" data-status={status}>
      <StatusBadge status={status} {...(track.failureReason ? { title: track.failureReason } : {})} />
      {showReason && track.status === 'failed' && track.failureReason ? (
        <span className="zamio-track-status__reason" data-testid="track-failure-reason">
          {track.failureReason}
        </span>
      ) : null}
    </span>
  );
}
