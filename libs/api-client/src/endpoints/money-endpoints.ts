// The money calls an artist and a publisher share (the bff serves them under
// /api/artist/… and /api/publisher/…): earnings, statements, disputes, payouts.
// Typed from the shared contracts (libs/contracts/src/money.ts).
import type {
  Dispute,
  DisputeCreateBody,
  DisputeListQuery,
  DisputePage,
  Earnings,
  Payout,
  PayoutCreateBody,
  PayoutListQuery,
  PayoutPage,
  Statement,
  UploadResult,
} from '@zamio/contracts';
import type { ApiClient } from '../create-api-client';
import { requestOf } from './search-params';

export type MoneyRole = 'artist' | 'publisher';

export function moneyEndpoints(role: MoneyRole) {
  const base = `/${role}`;
  const statementPath = (cycleId: string) => `${base}/statements/${encodeURIComponent(cycleId)}`;
  return {
    earnings: (api: ApiClient, signal?: AbortSignal) =>
      api.get<Earnings>(`${base}/earnings`, requestOf(undefined, signal)),
    /** The statement of one cycle as data (page). */
    statement: (api: ApiClient, cycleId: string, signal?: AbortSignal) =>
      api.get<Statement>(statementPath(cycleId), requestOf(undefined, signal)),
    /** Where the browser downloads a statement as CSV or PDF (the session cookie authenticates it). */
    statementDownloadUrl: (api: Pick<ApiClient, 'baseUrl'>, cycleId: string, format: 'csv' | 'pdf') =>
      `${api.baseUrl}${statementPath(cycleId)}?format=${format}`,

    listDisputes: (api: ApiClient, query: Partial<DisputeListQuery>, signal?: AbortSignal) =>
      api.get<DisputePage>(`${base}/disputes`, requestOf(query, signal)),
    raiseDispute: (api: ApiClient, body: DisputeCreateBody) => api.post<Dispute>(`${base}/disputes`, body),
    /** POST target (multipart, `file` part) of a dispute's evidence; answers an UploadResult. */
    evidenceUploadPath: '/account/documents',

    listPayouts: (api: ApiClient, query: Partial<PayoutListQuery>, signal?: AbortSignal) =>
      api.get<PayoutPage>(`${base}/payouts`, requestOf(query, signal)),
    requestPayout: (api: ApiClient, body: PayoutCreateBody) => api.post<Payout>(`${base}/payouts`, body),
  };
}

export type MoneyEndpoints = ReturnType<typeof moneyEndpoints>;
export type { UploadResult };
