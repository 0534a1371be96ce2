// The artist portal's calls to /api/artist, typed from the shared contracts
// (libs/contracts), so a changed route shape is a type error in the portal.
import type {
  ArtistPlayListQuery,
  PlayPage,
  PlaysSummary,
  PlaysSummaryQuery,
  SplitsPutBody,
  Track,
  TrackCreateBody,
  TrackListQuery,
  TrackPage,
  TrackSplits,
} from '@zamio/contracts';
import type { ApiClient } from '../create-api-client';
import { requestOf } from './search-params';

const trackPath = (trackId: string) => `/artist/tracks/${encodeURIComponent(trackId)}`;

export const artistEndpoints = {
  listTracks: (api: ApiClient, query?: Partial<TrackListQuery>, signal?: AbortSignal) =>
    api.get<TrackPage>('/artist/tracks', requestOf(query, signal)),
  getTrack: (api: ApiClient, trackId: string, signal?: AbortSignal) =>
    api.get<Track>(trackPath(trackId), requestOf(undefined, signal)),
  registerTrack: (api: ApiClient, body: TrackCreateBody) => api.post<Track>('/artist/tracks', body),
  /** A withdrawn track never matches again; `false` reinstates it. */
  setTrackWithdrawn: (api: ApiClient, trackId: string, withdrawn: boolean) =>
    api.post<Track>(`${trackPath(trackId)}/withdrawal`, { withdrawn }),
  /** PUT target of a track's audio (multipart, `file` part), for the upload with progress. */
  trackAudioUploadPath: (trackId: string) => `${trackPath(trackId)}/audio`,
  /** tus creation endpoint of a track's audio: the same pipeline, sent in resumable parts. */
  trackAudioResumablePath: (trackId: string) => `${trackPath(trackId)}/audio/uploads`,
  /** Where the browser streams a track's audio from (range requests), e.g. for <audio src>. */
  trackAudioUrl: (api: Pick<ApiClient, 'baseUrl'>, trackId: string) =>
    `${api.baseUrl}${trackPath(trackId)}/audio`,

  getSplits: (api: ApiClient, trackId: string, signal?: AbortSignal) =>
    api.get<TrackSplits>(`${trackPath(trackId)}/splits`, requestOf(undefined, signal)),
  /** The whole new set; shares must total exactly 10000 bp. */
  putSplits: (api: ApiClient, trackId: string, body: SplitsPutBody) =>
    api.put<TrackSplits>(`${trackPath(trackId)}/splits`, body),

  listPlays: (api: ApiClient, query: Partial<ArtistPlayListQuery>, signal?: AbortSignal) =>
    api.get<PlayPage>('/artist/plays', requestOf(query, signal)),
  playsSummary: (api: ApiClient, query: PlaysSummaryQuery, signal?: AbortSignal) =>
    api.get<PlaysSummary>('/artist/plays/summary', requestOf(query, signal)),
};
