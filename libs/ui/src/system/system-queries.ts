// Queries for the bff's system endpoints, shared by every portal's status views.
import { isApiError, type ApiClient } from '@zamio/api-client';
import type { HealthInfo, VersionInfo } from '@zamio/contracts';

export const systemQueryKeys = {
  version: ['system', 'version'] as const,
  health: ['system', 'health'] as const,
};

/** How often the health card refreshes while it is on screen. */
export const HEALTH_REFRESH_MS = 30_000;

export const fetchVersion = (api: ApiClient, signal?: AbortSignal): Promise<VersionInfo> =>
  api.get<VersionInfo>('/version', signal ? { signal } : {});

const looksLikeHealthInfo = (body: unknown): body is HealthInfo =>
  typeof body === 'object' &&
  body !== null &&
  'status' in body &&
  'checks' in body &&
  Array.isArray(body.checks);

/**
 * The bff answers 503 with a full HealthInfo body while degraded or shutting down;
 * that body is the answer we want to show, not an error. Polling already repeats
 * the request, so the client's own retries are switched off here.
 */
export async function fetchHealth(api: ApiClient, signal?: AbortSignal): Promise<HealthInfo> {
  try {
    return await api.get<HealthInfo>('/health', { retries: 0, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (isApiError(error) && error.status === 503 && looksLikeHealthInfo(error.body)) return error.body;
    throw error;
  }
}
