// The roster: invite an artist with a split %, see pending, active, declined
// and ended relationships, end an active one.
import { publisherEndpoints } from '@zamio/api-client';
import { Card, SelectField, notify, useApiClient } from '@zamio/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { InviteArtistForm } from '../roster/InviteArtistForm';
import { RosterTable } from '../roster/RosterTable';
import { RELATIONSHIP_LABELS, catalogQueryKey, rosterQueryKey } from '../publisher-queries';

export default function RosterPage() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const roster = useQuery({
    queryKey: rosterQueryKey,
    queryFn: ({ signal }) => publisherEndpoints.roster(api, signal),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: rosterQueryKey });
    void queryClient.invalidateQueries({ queryKey: catalogQueryKey });
  };
  const rows = roster.data?.filter((rel) => !status || rel.status === status);

  return (
    <>
      <h1>Roster</h1>
      <p className="zamio-muted">
        The artists signed to you. While a deal is active, the artist's royalties for plays from its start day
        are paid to you: you keep your split and owe the rest to the artist.
      </p>
      <Card title="Invite an artist">
        <InviteArtistForm
          onInvited={(rel) => {
            notify.success('Invitation sent', {
              description: `${rel.artistName} sees it in the artist portal and can accept or decline.`,
            });
            refresh();
          }}
        />
      </Card>
      <RosterTable
        rows={rows}
        loading={roster.isPending}
        error={roster.isError ? roster.error : undefined}
        onRetry={() => void roster.refetch()}
        onEnd={async (rel) => {
          await publisherEndpoints.endRelationship(api, rel.id);
          notify.success(`The deal with ${rel.artistName} has ended`);
          refresh();
        }}
        toolbar={
          <div className="zamio-filters">
            <SelectField
              label="Status"
              placeholder="All"
              value={status}
              onChange={(event) => setStatus(event.target.value)}
              options={Object.entries(RELATIONSHIP_LABELS).map(([value, label]) => ({ value, label }))}
              data-testid="roster-status-filter"
            />
          </div>
        }
      />
    </>
  );
}
