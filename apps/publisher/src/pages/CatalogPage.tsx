// The catalogue: every track of the artists signed to the publisher, server
// paged, filtered by artist, sorted by title or newest.
import type { SignedTrack } from '@zamio/contracts';
import { publisherEndpoints } from '@zamio/api-client';
import {
  DataTable,
  SelectField,
  StatusBadge,
  buttonClassName,
  useApiClient,
  useCursorPages,
  type DataColumn,
} from '@zamio/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { catalogQueryKey, rosterQueryKey } from '../publisher-queries';

const COLUMNS: DataColumn<SignedTrack>[] = [
  { key: 'title', header: 'Title', sortable: true, render: (track) => <strong>{track.title}</strong> },
  { key: 'artist', header: 'Artist', render: (track) => track.artistName },
  { key: 'isrc', header: 'ISRC', render: (track) => track.isrc ?? '—' },
  { key: 'status', header: 'Status', render: (track) => <StatusBadge status={track.status} /> },
  {
    key: 'plays',
    header: 'Plays',
    cardLabel: '',
    render: (track) => (
      <Link
        to={`/plays?track=${track.trackId}`}
        className={buttonClassName({ size: 'sm', variant: 'ghost' })}
        data-testid="catalog-plays"
      >
        Plays
      </Link>
    ),
  },
];

export default function CatalogPage() {
  const api = useApiClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const artist = searchParams.get('artist') ?? '';
  const roster = useQuery({
    queryKey: rosterQueryKey,
    queryFn: ({ signal }) => publisherEndpoints.roster(api, signal),
  });
  const table = useCursorPages<SignedTrack, { artist: string }>({
    queryKey: catalogQueryKey,
    filters: { artist },
    limit: 25,
    initialSort: { key: 'title', direction: 'asc' },
    fetchPage: ({ limit, cursor, filters, sort, signal }) =>
      publisherEndpoints.listCatalog(
        api,
        {
          limit,
          cursor,
          ...(filters.artist ? { artist: filters.artist } : {}),
          ...(sort ? { sort: sort.key === 'title' ? 'title' : 'createdAt', order: sort.direction } : {}),
        },
        signal,
      ),
  });
  const signed = (roster.data ?? []).filter((rel) => rel.status === 'active');

  return (
    <>
      <h1>Catalog</h1>
      <p className="zamio-muted">
        The tracks of the artists signed to you. Their plays earn royalties for you at your split.
      </p>
      <DataTable
        caption="Signed artists' tracks"
        columns={COLUMNS}
        rowKey={(track) => track.trackId}
        empty={
          signed.length === 0
            ? 'No signed artists yet: invite one on the Roster page.'
            : 'No tracks from this artist yet.'
        }
        data-testid="catalog-table"
        toolbar={
          <div className="zamio-filters">
            <SelectField
              label="Artist"
              placeholder="All signed artists"
              value={artist}
              onChange={(event) =>
                setSearchParams(event.target.value ? { artist: event.target.value } : {}, { replace: true })
              }
              options={signed.map((rel) => ({ value: rel.artistId, label: rel.artistName }))}
              data-testid="catalog-artist-filter"
            />
          </div>
        }
        {...table.tableProps}
      />
    </>
  );
}
