// The few Coolify API calls a rollout needs, over @zamio/api-client (timeouts,
// retries on idempotent calls only, circuit breaker). Field names are the ones
// in Coolify's OpenAPI document (contract/coolify-openapi.yaml) and, for what the
// controllers accept beyond it, the overlay beside it (contract/coolify-overlay.yaml).
import { createApiClient, isApiError, serverMessageOf } from '@zamio/api-client';

/** The parts of the `Application` schema the deploy tool reads. */
export interface CoolifyApplication {
  uuid: string;
  name: string;
  status?: string;
  fqdn?: string | null;
  docker_registry_image_name?: string | null;
  docker_registry_image_tag?: string | null;
  ports_exposes?: string;
  health_check_enabled?: boolean;
  health_check_path?: string;
  health_check_port?: string | null;
  health_check_interval?: number;
  health_check_timeout?: number;
  health_check_retries?: number;
  health_check_start_period?: number;
  health_check_type?: 'http' | 'cmd';
  health_check_command?: string | null;
  ports_mappings?: string | null;
  custom_docker_run_options?: string | null;
  /** Comma-separated (Coolify stores a JSON array and answers it joined). */
  custom_network_aliases?: string | null;
  /** Base64, one label a line; only shown to tokens with read:sensitive. */
  custom_labels?: string | null;
  settings?: {
    stop_grace_period?: number | null;
    docker_images_to_keep?: number;
    is_consistent_container_name_enabled?: boolean;
    custom_internal_name?: string | null;
    /** "Label management: Managed by Coolify" — regenerates labels on domain changes. */
    is_container_label_readonly_enabled?: boolean;
    is_force_https_enabled?: boolean;
    is_gzip_enabled?: boolean;
  };
}

/** Body of PATCH /applications/{uuid}: only fields its requestBody schema lists. */
export interface ApplicationUpdate {
  docker_registry_image_name?: string;
  docker_registry_image_tag?: string;
  ports_exposes?: string;
  domains?: string;
  health_check_enabled?: boolean;
  health_check_path?: string;
  health_check_port?: string;
  health_check_interval?: number;
  health_check_timeout?: number;
  health_check_retries?: number;
  health_check_start_period?: number;
  /** Overlay fields: accepted by update_by_uuid(), missing from the published body. */
  health_check_type?: 'http' | 'cmd';
  health_check_command?: string;
  custom_network_aliases?: string;
  custom_labels?: string;
  stop_grace_period?: number;
  docker_images_to_keep?: number;
}

export interface CoolifyEnvironmentVariable {
  key: string;
  value?: string;
  real_value?: string;
  is_runtime?: boolean;
  is_preview?: boolean;
}

export interface CoolifyDeployment {
  deployment_uuid: string;
  status: string;
  docker_registry_image_tag?: string | null;
  logs?: string;
  /** `/project/<p>/environment/<e>/application/<app-uuid>/deployment/<uuid>`. */
  deployment_url?: string;
}

/** What POST /deploy said about one application. */
export interface QueuedDeployment {
  /** Always present, even when Coolify skipped the request (then it never exists). */
  deploymentUuid: string;
  message: string;
}

export interface CoolifyClient {
  version(): Promise<string>;
  getApplication(uuid: string): Promise<CoolifyApplication>;
  updateApplication(uuid: string, update: ApplicationUpdate): Promise<void>;
  listEnvs(uuid: string): Promise<CoolifyEnvironmentVariable[]>;
  /** Asks Coolify to deploy one application (it may skip the request: see queue-deployment.ts). */
  deploy(uuid: string): Promise<QueuedDeployment>;
  getDeployment(uuid: string): Promise<CoolifyDeployment>;
  /** Queued and in-progress deployments of every application of the team. */
  listActiveDeployments(): Promise<CoolifyDeployment[]>;
}

/** A Coolify call failed; the message is safe to print (never the token). */
export class CoolifyError extends Error {
  override readonly name = 'CoolifyError';
  constructor(
    message: string,
    readonly status: number,
    /** Seconds from a Retry-After header (429), when Coolify sent one. */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

export function createCoolifyClient(options: {
  apiUrl: string;
  token: string;
  fetch?: typeof globalThis.fetch;
}): CoolifyClient {
  const api = createApiClient({
    baseUrl: options.apiUrl,
    timeoutMs: 30_000,
    headers: { Authorization: `Bearer ${options.token}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const call = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      throw toCoolifyError(error, what, options.apiUrl);
    }
  };
  const app = (uuid: string) => `applications/${encodeURIComponent(uuid)}`;

  return {
    version: () => call('read the Coolify version', () => api.get<string>('version')),
    getApplication: (uuid) => call(`read application ${uuid}`, () => api.get<CoolifyApplication>(app(uuid))),
    updateApplication: (uuid, update) =>
      // PATCH is not retried by the client (not in its idempotent list): a
      // timeout here is reported, and the next `plan` shows what landed.
      call(`update application ${uuid}`, async () => {
        await api.raw(app(uuid), { method: 'PATCH', body: update });
      }),
    listEnvs: (uuid) =>
      call(`read the environment of application ${uuid}`, () =>
        api.get<CoolifyEnvironmentVariable[]>(`${app(uuid)}/envs`),
      ),
    deploy: (uuid) =>
      call(`start a deployment of application ${uuid}`, async () => {
        const answer = await api.post<{
          deployments?: { deployment_uuid?: string; resource_uuid?: string; message?: string }[];
        }>('deploy', undefined, {
          searchParams: { uuid, force: false },
        });
        const deployment =
          answer?.deployments?.find((d) => d.resource_uuid === uuid) ?? answer?.deployments?.[0];
        if (!deployment?.deployment_uuid)
          throw new CoolifyError(
            `Coolify did not queue a deployment for ${uuid}: ${deployment?.message ?? 'empty answer'}`,
            200,
          );
        return { deploymentUuid: deployment.deployment_uuid, message: deployment.message ?? '' };
      }),
    getDeployment: (uuid) =>
      call(`read deployment ${uuid}`, () =>
        api.get<CoolifyDeployment>(`deployments/${encodeURIComponent(uuid)}`),
      ),
    listActiveDeployments: () =>
      call('list running deployments', () => api.get<CoolifyDeployment[]>('deployments')),
  };
}

function toCoolifyError(error: unknown, what: string, apiUrl: string): unknown {
  if (error instanceof CoolifyError || !isApiError(error)) return error;
  if (error.status === 401) {
    return new CoolifyError(
      `Coolify rejected the API token (401 ${serverMessageOf(error.body) ?? 'Unauthenticated'}) while trying to ${what}: check COOLIFY_TOKEN (Keys & Tokens → API tokens; it needs write, deploy and read:sensitive) and that the API is enabled (Settings → Advanced → API Access).`,
      401,
    );
  }
  if (error.status === 403)
    return new CoolifyError(
      `the API token may not ${what} (403 ${serverMessageOf(error.body) ?? 'Forbidden'}): give it write, deploy and read:sensitive permissions`,
      403,
    );
  if (error.status === 404)
    return new CoolifyError(
      `could not ${what}: not found (404). Check the uuids in the resources file and that the token's team owns them.`,
      404,
    );
  if (error.status === 422)
    return new CoolifyError(`Coolify refused to ${what} (422): ${describeValidation(error.body)}`, 422);
  if (error.status === 429)
    return new CoolifyError(
      `could not ${what}: 429 ${serverMessageOf(error.body) ?? 'Too Many Requests'}`,
      429,
      retryAfterOf(error.cause),
    );
  if (error.kind === 'network' || error.kind === 'timeout')
    return new CoolifyError(`could not ${what}: Coolify at ${apiUrl} did not answer (${error.kind})`, 0);
  if (error.kind === 'circuit-open')
    return new CoolifyError(`could not ${what}: Coolify failed repeatedly, giving up`, 0);
  return new CoolifyError(
    `could not ${what}: ${error.status} ${serverMessageOf(error.body) ?? error.message}`,
    error.status,
  );
}

/** Retry-After (seconds) of the HTTP response behind an ApiError, when there was one. */
function retryAfterOf(cause: unknown): number | undefined {
  const headers = (cause as { response?: { headers?: Headers } } | undefined)?.response?.headers;
  const value = Number(headers?.get('retry-after'));
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function describeValidation(body: unknown): string {
  if (
    typeof body === 'object' &&
    body !== null &&
    'errors' in body &&
    typeof body.errors === 'object' &&
    body.errors !== null
  ) {
    return Object.entries(body.errors as Record<string, unknown>)
      .map(
        ([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`,
      )
      .join('; ');
  }
  return serverMessageOf(body) ?? 'validation error';
}
