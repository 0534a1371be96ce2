// The artist's side of publishing: invitations from publishers (accept or
// decline, with the split the publisher asks for), the current deal (which
// the artist can end), and past ones. Shown on the artist's home page.
import type { PublisherRelationship } from '@zamio/contracts';
import { publisherInvitationEndpoints } from '@zamio/api-client';
import {
  Button,
  Card,
  ConfirmDialog,
  ErrorBanner,
  StatusBadge,
  formatBasisPoints,
  formatDate,
  notify,
  useApiClient,
} from '@zamio/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export const publisherInvitationsQueryKey = ['artist', 'publisher-invitations'] as const;

const STATE: Record<PublisherRelationship['status'], string> = {
  invited: 'Waiting for your answer',
  active: 'Active',
  declined: 'Declined',
  ended: 'Ended',
};

type Answer = 'accept' | 'decline';

export function PublisherInvitations() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const invitations = useQuery({
    queryKey: publisherInvitationsQueryKey,
    queryFn: ({ signal }) => publisherInvitationEndpoints.list(api, signal),
  });
  const answer = useMutation({
    mutationFn: ({ rel, action }: { rel: PublisherRelationship; action: Answer }) =>
      action === 'accept'
        ? publisherInvitationEndpoints.accept(api, rel.id)
        : publisherInvitationEndpoints.decline(api, rel.id),
    onSuccess: (rel, { action }) => {
      notify.success(action === 'accept' ? `You are signed to ${rel.publisherName}` : 'Invitation declined', {
        description:
          action === 'accept'
            ? `Your royalties from ${formatDate(rel.effectiveFrom)} on are paid to ${rel.publisherName}, who keeps ${formatBasisPoints(rel.splitBp)}.`
            : `${rel.publisherName} can invite you again.`,
      });
      void queryClient.invalidateQueries({ queryKey: publisherInvitationsQueryKey });
    },
    onError: (error) => notify.error('Your answer was not saved', { description: (error as Error).message }),
  });
  const end = async (rel: PublisherRelationship) => {
    await publisherInvitationEndpoints.end(api, rel.id);
    notify.success(`Your deal with ${rel.publisherName} has ended`);
    void queryClient.invalidateQueries({ queryKey: publisherInvitationsQueryKey });
  };

  const all = invitations.data ?? [];
  const open = all.filter((rel) => rel.status === 'invited' || rel.status === 'active');
  const past = all.filter((rel) => rel.status === 'declined' || rel.status === 'ended');
  const busy = answer.isPending ? answer.variables?.rel.id : undefined;

  return (
    <Card title="Publishing" data-testid="publisher-invitations">
      {invitations.isError ? (
        <ErrorBanner title="Your publishing invitations could not be loaded" error={invitations.error} />
      ) : null}
      {invitations.data && open.length === 0 ? (
        <p className="zamio-muted">
          You are self-published: your royalties are paid to you. A publisher who invites you appears here.
        </p>
      ) : null}
      <ul className="zamio-stack zamio-plain-list" aria-label="Publishers">
        {open.map((rel) => (
          <li key={rel.id} data-testid="invitation">
            <p>
              <strong>{rel.publisherName}</strong>{' '}
              <StatusBadge
                status={rel.status === 'invited' ? 'pending' : 'active'}
                label={STATE[rel.status]}
                data-testid="invitation-state"
              />
            </p>
            <p className="zamio-muted">
              {rel.status === 'invited'
                ? `Asks to receive your royalties for plays from ${formatDate(rel.effectiveFrom)} on and to keep ${formatBasisPoints(rel.splitBp)}; the publisher owes you the rest.`
                : `Receives your royalties since ${formatDate(rel.effectiveFrom)} and keeps ${formatBasisPoints(rel.splitBp)}; the publisher owes you the rest.`}
            </p>
            <div className="zamio-button-row">
              {rel.status === 'invited' ? (
                <>
                  <Button
                    variant="primary"
                    size="sm"
                    loading={busy === rel.id && answer.variables?.action === 'accept'}
                    disabled={busy === rel.id}
                    onClick={() => answer.mutate({ rel, action: 'accept' })}
                    data-testid="invitation-accept"
                  >
                    Accept
                  </Button>
                  <Button
                    size="sm"
                    loading={busy === rel.id && answer.variables?.action === 'decline'}
                    disabled={busy === rel.id}
                    onClick={() => answer.mutate({ rel, action: 'decline' })}
                    data-testid="invitation-decline"
                  >
                    Decline
                  </Button>
                </>
              ) : (
                <ConfirmDialog
                  title={`End your deal with ${rel.publisherName}?`}
                  description="Plays from now on are paid to you directly. Royalties already calculated stay where they are."
                  confirmLabel="End the deal"
                  tone="danger"
                  onConfirm={() => end(rel)}
                  trigger={
                    <Button size="sm" variant="danger" data-testid="invitation-end">
                      End the deal
                    </Button>
                  }
                />
              )}
            </div>
          </li>
        ))}
      </ul>
      {past.length > 0 ? (
        <details>
          <summary>Past invitations and deals ({past.length})</summary>
          <ul className="zamio-stack">
            {past.map((rel) => (
              <li key={rel.id}>
                {rel.publisherName}: {STATE[rel.status]}
                {rel.endedAt ? ` ${formatDate(rel.endedAt)}` : ''} ({formatBasisPoints(rel.splitBp)})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
