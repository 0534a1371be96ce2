// The kit's dispute dialog for the artist: the artist's routes, and the
// artist's disputes and balance refreshed once a dispute is recorded.
import { DisputePlayDialog, type DisputedPlay } from '@zamio/ui';
import { useQueryClient } from '@tanstack/react-query';
import { disputesQueryKey, earningsQueryKey } from './money-queries';

export type { DisputedPlay };

/** A play of the artist's lists (plays have `id`) as the dialog's play. */
export const disputedPlayOf = (play: {
  id: string;
  trackTitle: string;
  stationName: string;
  startedAt: string;
}): DisputedPlay => ({
  playId: play.id,
  trackTitle: play.trackTitle,
  stationName: play.stationName,
  startedAt: play.startedAt,
});

export function ArtistDisputeDialog({
  play,
  onOpenChange,
}: {
  play: DisputedPlay | undefined;
  onOpenChange: (open: boolean) => void;
}) {
  const queryClient = useQueryClient();
  return (
    <DisputePlayDialog
      role="artist"
      play={play}
      onOpenChange={onOpenChange}
      onDisputed={() => {
        void queryClient.invalidateQueries({ queryKey: disputesQueryKey });
        void queryClient.invalidateQueries({ queryKey: earningsQueryKey });
      }}
    />
  );
}
