// The publisher's relationships: pending invitations, active deals (which can
// be ended), declined and ended ones — newest invitation first.
import type { PublisherRelationship } from '@zamio/contracts';
import {
  Button,
  ConfirmDialog,
  DataTable,
  StatusBadge,
  buttonClassName,
  formatBasisPoints,
  formatDate,
  type DataColumn,
} from '@zamio/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RELATIONSHIP_LABELS, RELATIONSHIP_TONES } from '../publisher-queries';

export interface RosterTableProps {
  rows: readonly PublisherRelationship[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onEnd: (relationship: PublisherRelationship) => Promise<unknown>;
  toolbar?: ReactNode;
}

export function RosterTable({ rows, loading, error, onRetry, onEnd, toolbar }: RosterTableProps) {
  const columns: DataColumn<PublisherRelationship>[] = [
    { key: 'artist', header: 'Artist', render: (rel) => <strong>{rel.artistName}</strong> },
    { key: 'split', header: 'Your split', align: 'end', render: (rel) => formatBasisPoints(rel.splitBp) },
    {
      key: 'status',
      header: 'Status',
      render: (rel) => (
        <StatusBadge
          status={rel.status}
          label={RELATIONSHIP_LABELS[rel.status]}
          tone={RELATIONSHIP_TONES[rel.status]}
          data-testid="roster-status"
        />
      ),
    },
    { key: 'effectiveFrom', header: 'Deal starts', render: (rel) => formatDate(rel.effectiveFrom) },
    { key: 'invitedAt', header: 'Invited', render: (rel) => formatDate(rel.invitedAt) },
    {
      key: 'endedAt',
      header: 'Accepted / ended',
      render: (rel) =>
        rel.endedAt
          ? `Ended ${formatDate(rel.endedAt)}`
          : rel.acceptedAt
            ? `Accepted ${formatDate(rel.acceptedAt)}`
            : '—',
    },
    {
      key: 'actions',
      header: 'Actions',
      cardLabel: '',
      render: (rel) =>
        rel.status === 'active' ? (
          <div className="zamio-button-row">
            <Link
              to={`/catalog?artist=${rel.artistId}`}
              className={buttonClassName({ size: 'sm', variant: 'ghost' })}
              data-testid="roster-catalog"
            >
              Catalog
            </Link>
            <ConfirmDialog
              title={`End the deal with ${rel.artistName}?`}
              description={`Plays from now on are paid to ${rel.artistName} directly. Earnings already calculated stay with you.`}
              confirmLabel="End the deal"
              tone="danger"
              onConfirm={() => onEnd(rel)}
              trigger={
                <Button size="sm" variant="danger" data-testid="roster-end">
                  End
                </Button>
              }
            />
          </div>
        ) : null,
    },
  ];
  return (
    <DataTable
      caption="Roster"
      columns={columns}
      rows={rows}
      rowKey={(rel) => rel.id}
      loading={loading}
      error={error}
      onRetry={onRetry}
      toolbar={toolbar}
      empty="No artists yet. Invite one with the form above; they accept in the artist portal."
      data-testid="roster-table"
    />
  );
}
