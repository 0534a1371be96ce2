// The admin's money calls: the rate table, cycles (calculate, lock,
// recipients, any recipient's statement, the usage report) and the disputes
// and payouts queues, typed from libs/contracts/src/money.ts.
import type {
  Cycle,
  CycleCreateBody,
  CycleRecipient,
  CycleStatusName,
  DisputeListQuery,
  DisputePage,
  DisputeResolution,
  DisputeResolveBody,
  Payout,
  PayoutListQuery,
  PayoutPage,
  RateTableCreateBody,
  RateTableVersion,
  RecipientKind,
  Statement,
  UsageRow,
} from '@zamio/contracts';
import type { ApiClient } from '../create-api-client';
import { requestOf } from './search-params';

export type StatementFormat = 'csv' | 'pdf';
export type UsageBy = 'station' | 'work';

const id = encodeURIComponent;
const cyclePath = (cycleId: string) => `/admin/cycles/${id(cycleId)}`;

export const adminMoneyEndpoints = {
  listRateTables: (api: ApiClient, signal?: AbortSignal) =>
    api.get<RateTableVersion[]>('/admin/rate-tables', requestOf(undefined, signal)),
  addRateTableVersion: (api: ApiClient, body: RateTableCreateBody) =>
    api.post<RateTableVersion>('/admin/rate-tables', body),

  listCycles: (api: ApiClient, query: { status?: CycleStatusName } = {}, signal?: AbortSignal) =>
    api.get<Cycle[]>('/admin/cycles', requestOf(query, signal)),
  getCycle: (api: ApiClient, cycleId: string, signal?: AbortSignal) =>
    api.get<Cycle>(cyclePath(cycleId), requestOf(undefined, signal)),
  openCycle: (api: ApiClient, body: CycleCreateBody) => api.post<Cycle>('/admin/cycles', body),
  calculateCycle: (api: ApiClient, cycleId: string) => api.post<Cycle>(`${cyclePath(cycleId)}/calculate`),
  lockCycle: (api: ApiClient, cycleId: string) => api.post<Cycle>(`${cyclePath(cycleId)}/lock`),
  cycleRecipients: (api: ApiClient, cycleId: string, signal?: AbortSignal) =>
    api.get<CycleRecipient[]>(`${cyclePath(cycleId)}/recipients`, requestOf(undefined, signal)),
  recipientStatement: (
    api: ApiClient,
    cycleId: string,
    recipient: { kind: RecipientKind; id: string },
    signal?: AbortSignal,
  ) =>
    api.get<Statement>(
      `${cyclePath(cycleId)}/statements/${recipient.kind}/${id(recipient.id)}`,
      requestOf({ format: 'json' }, signal),
    ),
  recipientStatementFileUrl: (
    api: Pick<ApiClient, 'baseUrl'>,
    cycleId: string,
    recipient: { kind: RecipientKind; id: string },
    format: StatementFormat,
  ) =>
    `${api.baseUrl}${cyclePath(cycleId)}/statements/${recipient.kind}/${id(recipient.id)}?format=${format}`,
  usage: (api: ApiClient, cycleId: string, by: UsageBy, signal?: AbortSignal) =>
    api.get<UsageRow[]>(`${cyclePath(cycleId)}/usage`, requestOf({ by }, signal)),
  usageCsvUrl: (api: Pick<ApiClient, 'baseUrl'>, cycleId: string, by: UsageBy) =>
    `${api.baseUrl}${cyclePath(cycleId)}/usage.csv?by=${by}`,

  listDisputes: (api: ApiClient, query: Partial<DisputeListQuery>, signal?: AbortSignal) =>
    api.get<DisputePage>('/admin/disputes', requestOf(query, signal)),
  resolveDispute: (api: ApiClient, disputeId: string, body: DisputeResolveBody) =>
    api.post<DisputeResolution>(`/admin/disputes/${id(disputeId)}/resolve`, body),

  listPayouts: (api: ApiClient, query: Partial<PayoutListQuery>, signal?: AbortSignal) =>
    api.get<PayoutPage>('/admin/payouts', requestOf(query, signal)),
  approvePayout: (api: ApiClient, payoutId: string) =>
    api.post<Payout>(`/admin/payouts/${id(payoutId)}/approve`),
  markPayoutPaid: (api: ApiClient, payoutId: string, externalReference: string) =>
    api.post<Payout>(`/admin/payouts/${id(payoutId)}/paid`, { externalReference }),
  rejectPayout: (api: ApiClient, payoutId: string, reason: string) =>
    api.post<Payout>(`/admin/payouts/${id(payoutId)}/reject`, { reason }),
};
