// The station portal's calls to /api/station, typed from the shared contracts
// (libs/contracts).
import type {
  CaptureListQuery,
  CapturePage,
  Detection,
  DetectionListQuery,
  DetectionPage,
  Device,
  DeviceCreateBody,
  IssuedDevice,
  PlayPage,
  PlaylogDetail,
  PlaylogListQuery,
  PlaylogPage,
  PlaylogReconciliation,
  Stream,
  StreamCreateBody,
  StationPlayListQuery,
} from '@zamio/contracts';
import type { ApiClient } from '../create-api-client';
import { requestOf } from './search-params';

/**
 * The station's profile. Not in libs/contracts yet (no route serves it so
 * far): this is the shape the portal expects from `GET/PUT
 * /api/station/profile`, to move into the contracts with the route.
 */
export type StationClass = 'class_a' | 'class_b' | 'class_c' | 'online' | 'community';
export interface StationProfile {
  name: string;
  stationClass: StationClass;
  region: string | null;
  /** IANA zone, e.g. Africa/Accra: royalty periods (prime, off-peak) are in the station's time. */
  timezone: string;
}
export type StationProfileUpdate = Partial<StationProfile>;

const detectionPath = (detectionId: string) => `/station/detections/${encodeURIComponent(detectionId)}`;

export const stationEndpoints = {
  getProfile: (api: ApiClient, signal?: AbortSignal) =>
    api.get<StationProfile>('/station/profile', requestOf(undefined, signal)),
  updateProfile: (api: ApiClient, body: StationProfileUpdate) =>
    api.put<StationProfile>('/station/profile', body),

  listDevices: (api: ApiClient, signal?: AbortSignal) =>
    api.get<Device[]>('/station/devices', requestOf(undefined, signal)),
  /** The answer holds the device's token: shown once, never retrievable again. */
  issueDevice: (api: ApiClient, body: DeviceCreateBody) => api.post<IssuedDevice>('/station/devices', body),
  revokeDevice: (api: ApiClient, deviceId: string) =>
    api.delete(`/station/devices/${encodeURIComponent(deviceId)}`),

  listCaptures: (api: ApiClient, query: Partial<CaptureListQuery>, signal?: AbortSignal) =>
    api.get<CapturePage>('/station/captures', requestOf(query, signal)),
  /** Where the browser streams a capture's audio from (range requests). */
  captureAudioUrl: (api: Pick<ApiClient, 'baseUrl'>, captureId: string) =>
    `${api.baseUrl}/station/captures/${encodeURIComponent(captureId)}/audio`,

  listDetections: (api: ApiClient, query: Partial<DetectionListQuery>, signal?: AbortSignal) =>
    api.get<DetectionPage>('/station/detections', requestOf(query, signal)),
  /** Confirmed detections count; a flagged one is excluded from plays until confirmed. */
  confirmDetection: (api: ApiClient, detectionId: string) =>
    api.post<Detection>(`${detectionPath(detectionId)}/confirm`),
  flagDetection: (api: ApiClient, detectionId: string) =>
    api.post<Detection>(`${detectionPath(detectionId)}/flag`),

  listPlays: (api: ApiClient, query: Partial<StationPlayListQuery>, signal?: AbortSignal) =>
    api.get<PlayPage>('/station/plays', requestOf(query, signal)),

  listStreams: (api: ApiClient, signal?: AbortSignal) =>
    api.get<Stream[]>('/station/streams', requestOf(undefined, signal)),
  registerStream: (api: ApiClient, body: StreamCreateBody) => api.post<Stream>('/station/streams', body),
  removeStream: (api: ApiClient, streamId: string) =>
    api.delete(`/station/streams/${encodeURIComponent(streamId)}`),

  /** POST target of a playlog CSV (multipart; `import_valid_rows` before the file). Answers Playlog, or 422 PlaylogRejected. */
  playlogUploadPath: '/station/playlogs',
  listPlaylogs: (api: ApiClient, query: Partial<PlaylogListQuery>, signal?: AbortSignal) =>
    api.get<PlaylogPage>('/station/playlogs', requestOf(query, signal)),
  getPlaylog: (api: ApiClient, playlogId: string, signal?: AbortSignal) =>
    api.get<PlaylogDetail>(
      `/station/playlogs/${encodeURIComponent(playlogId)}`,
      requestOf(undefined, signal),
    ),
  reconcilePlaylog: (api: ApiClient, playlogId: string, toleranceMinutes?: number, signal?: AbortSignal) =>
    api.get<PlaylogReconciliation>(
      `/station/playlogs/${encodeURIComponent(playlogId)}/reconciliation`,
      requestOf(toleranceMinutes === undefined ? undefined : { toleranceMinutes }, signal),
    ),
};
