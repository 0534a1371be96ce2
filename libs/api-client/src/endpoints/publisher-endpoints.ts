// The publisher portal's calls to /api/publisher (roster, catalogue, plays),
// and the artist's side of a publisher's invitation (/api/artist/publisher-invitations).
// The money calls (earnings, statements, disputes, payouts) are moneyEndpoints('publisher').
import type {
  CatalogListQuery,
  InviteArtistBody,
  PublisherRelationship,
  SignedPlayListQuery,
  SignedPlayPage,
  SignedPlaysSummary,
  SignedPlaysSummaryQuery,
  SignedTrackPage,
} from '@zamio/contracts';
import type { ApiClient } from '../create-api-client';
import { moneyEndpoints } from './money-endpoints';
import { requestOf } from './search-params';

const relationshipPath = (id: string, action: 'end') =>
  `/publisher/roster/${encodeURIComponent(id)}/${action}`;
const invitationPath = (id: string, action: 'accept' | 'decline' | 'end') =>
  `/artist/publisher-invitations/${encodeURIComponent(id)}/${action}`;

export const publisherEndpoints = {
  ...moneyEndpoints('publisher'),
  roster: (api: ApiClient, signal?: AbortSignal) =>
    api.get<PublisherRelationship[]>('/publisher/roster', requestOf(undefined, signal)),
  inviteArtist: (api: ApiClient, body: InviteArtistBody) =>
    api.post<PublisherRelationship>('/publisher/roster', body),
  endRelationship: (api: ApiClient, id: string) =>
    api.post<PublisherRelationship>(relationshipPath(id, 'end')),
  listCatalog: (api: ApiClient, query: Partial<CatalogListQuery>, signal?: AbortSignal) =>
    api.get<SignedTrackPage>('/publisher/catalog', requestOf(query, signal)),
  listPlays: (api: ApiClient, query: Partial<SignedPlayListQuery>, signal?: AbortSignal) =>
    api.get<SignedPlayPage>('/publisher/plays', requestOf(query, signal)),
  playsSummary: (api: ApiClient, query: SignedPlaysSummaryQuery, signal?: AbortSignal) =>
    api.get<SignedPlaysSummary>('/publisher/plays/summary', requestOf(query, signal)),
};

/** The artist's side: invitations from publishers, accepted, declined or ended. */
export const publisherInvitationEndpoints = {
  list: (api: ApiClient, signal?: AbortSignal) =>
    api.get<PublisherRelationship[]>('/artist/publisher-invitations', requestOf(undefined, signal)),
  accept: (api: ApiClient, id: string) => api.post<PublisherRelationship>(invitationPath(id, 'accept')),
  decline: (api: ApiClient, id: string) => api.post<PublisherRelationship>(invitationPath(id, 'decline')),
  end: (api: ApiClient, id: string) => api.post<PublisherRelationship>(invitationPath(id, 'end')),
};
