// The admin portal's operations calls: accounts and approvals, stations,
// the audit log and the system status (typed from libs/contracts).
import type {
  AdminStationListQuery,
  AdminStationPage,
  AuditEntry as AuditEntrySchema,
  AuditQuery as AuditQuerySchema,
  Heartbeat,
  HeartbeatRequested,
  RejectAccountBody,
  SystemStatus,
  User,
  UserListQuery,
  UserPage,
} from '@zamio/contracts';
import type { Static } from 'typebox';
import type { ApiClient } from '../create-api-client';
import { requestOf } from './search-params';

export type AuditEntry = Static<typeof AuditEntrySchema>;
export type AuditQuery = Static<typeof AuditQuerySchema>;

const userPath = (userId: string, action: string) => `/admin/users/${encodeURIComponent(userId)}/${action}`;

export const adminOperationsEndpoints = {
  listUsers: (api: ApiClient, query: Partial<UserListQuery>, signal?: AbortSignal) =>
    api.get<UserPage>('/admin/users', requestOf(query, signal)),
  approveUser: (api: ApiClient, userId: string) => api.post<User>(userPath(userId, 'approve')),
  /** The reason is shown to the account's owner when they sign in. */
  rejectUser: (api: ApiClient, userId: string, body: RejectAccountBody) =>
    api.post<User>(userPath(userId, 'reject'), body),
  disableUser: (api: ApiClient, userId: string) => api.post<User>(userPath(userId, 'disable')),

  listStations: (api: ApiClient, query: Partial<AdminStationListQuery>, signal?: AbortSignal) =>
    api.get<AdminStationPage>('/admin/stations', requestOf(query, signal)),

  /** Newest first; pass the last entry's id as `before` for the next page. */
  listAudit: (api: ApiClient, query: Partial<AuditQuery>, signal?: AbortSignal) =>
    api.get<AuditEntry[]>('/admin/audit', requestOf(query, signal)),

  getSystemStatus: (api: ApiClient, signal?: AbortSignal) =>
    api.get<SystemStatus>('/admin/system', requestOf(undefined, signal)),
  requestHeartbeat: (api: ApiClient) => api.post<HeartbeatRequested>('/system/heartbeat'),
  listHeartbeats: (api: ApiClient, signal?: AbortSignal) =>
    api.get<Heartbeat[]>('/system/heartbeats', requestOf(undefined, signal)),
};
