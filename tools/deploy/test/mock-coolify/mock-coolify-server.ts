// A Coolify API stand-in for the deploy tool's tests (node:http on 127.0.0.1:0).
// Faithful to the OpenAPI contract plus our overlay (contract/): every request's
// path, method, query and JSON body is validated against it, and so is every
// answer the mock gives. Like real Coolify, PATCH bodies with fields the
// controller does not accept are refused (422 "This field is not allowed.").
// It keeps per-application state; deployments move queued → in_progress →
// finished (one step per poll), or to failed when the new image is configured
// unhealthy, in which case the old container keeps running.
//
// Behaviours copied from Coolify v4's source because the tool must cope with them:
//  - POST /deploy while a deployment of the app is queued or running: skipped,
//    yet answered with a fresh deployment uuid that never exists (404 on poll).
//  - a full queue: 429 with Retry-After: 60.
//  - custom_labels must be base64; "Managed by Coolify" label management
//    regenerates them when the domains change (dropping anything added).
//  - at deploy, labels starting with `coolify.` are deleted (and the deletion
//    saved); the container runs with the rest, named <uuid>-<timestamp>, with
//    network aliases [that name, ...custom_network_aliases].
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { OpenApiContract } from './openapi-contract';

export interface MockApplication {
  uuid: string;
  name: string;
  status: string;
  fqdn: string | null;
  docker_registry_image_name: string | null;
  docker_registry_image_tag: string | null;
  ports_exposes: string;
  ports_mappings: string | null;
  custom_docker_run_options: string | null;
  health_check_enabled: boolean;
  health_check_path: string;
  health_check_port: string | null;
  health_check_interval: number;
  health_check_timeout: number;
  health_check_retries: number;
  health_check_start_period: number;
  health_check_type: 'http' | 'cmd';
  health_check_command: string | null;
  custom_network_aliases: string | null;
  custom_labels: string | null;
  settings: {
    stop_grace_period: number | null;
    docker_images_to_keep: number;
    is_consistent_container_name_enabled: boolean;
    custom_internal_name: string | null;
    is_container_label_readonly_enabled: boolean;
    is_force_https_enabled: boolean;
    is_gzip_enabled: boolean;
  };
  /** Mock-only: the container that actually runs (what the last finished deployment started). */
  running_tag: string | null;
  running: RunningContainer | null;
  envs: Record<string, string>;
}

export interface RunningContainer {
  name: string;
  aliases: string[];
  labels: string[];
  health: { type: 'http' | 'cmd'; command: string | null; enabled: boolean };
}

export interface MockDeployment {
  deployment_uuid: string;
  application_uuid: string;
  image: string;
  docker_registry_image_tag: string | null;
  status: 'queued' | 'in_progress' | 'finished' | 'failed';
  polls: number;
  /** Polls it stays in_progress before it ends (1 unless started with startDeployment). */
  pollsToFinish: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  body: unknown;
  authorization: string | undefined;
}

export interface MockCoolify {
  url: string;
  token: string;
  apps: Map<string, MockApplication>;
  deployments: Map<string, MockDeployment>;
  requests: RecordedRequest[];
  /** Contract violations by the client (requests) or by the mock itself (answers). */
  violations: string[];
  /** `image:tag` values whose containers never become healthy. */
  unhealthyImages: Set<string>;
  /** How many POST /deploy calls to answer 429 (queue full) before accepting again. */
  queueFullAnswers: number;
  addApplication(app: Partial<MockApplication> & Pick<MockApplication, 'uuid' | 'name'>): MockApplication;
  /** A deployment someone else started (UI, webhook) that runs for `polls` polls of it. */
  startDeployment(appUuid: string, polls: number): MockDeployment;
  close(): Promise<void>;
}

const defaults = (): Omit<MockApplication, 'uuid' | 'name'> => ({
  status: 'running:healthy',
  fqdn: null,
  docker_registry_image_name: null,
  docker_registry_image_tag: null,
  ports_exposes: '3000',
  ports_mappings: null,
  custom_docker_run_options: null,
  // Coolify's defaults for a new application: health check off.
  health_check_enabled: false,
  health_check_path: '/',
  health_check_port: null,
  health_check_interval: 5,
  health_check_timeout: 5,
  health_check_retries: 10,
  health_check_start_period: 5,
  health_check_type: 'http',
  health_check_command: null,
  custom_network_aliases: null,
  custom_labels: null,
  settings: {
    stop_grace_period: null,
    docker_images_to_keep: 2,
    is_consistent_container_name_enabled: false,
    custom_internal_name: null,
    // New applications have their labels managed by Coolify.
    is_container_label_readonly_enabled: true,
    is_force_https_enabled: true,
    is_gzip_enabled: true,
  },
  running_tag: null,
  running: null,
  envs: {},
});

const PATCH_SETTINGS = new Set(['stop_grace_period', 'docker_images_to_keep']);
const ACTIVE = new Set(['queued', 'in_progress']);

export async function startMockCoolify(options: { token?: string } = {}): Promise<MockCoolify> {
  const contract = new OpenApiContract();
  const token = options.token ?? `1|${randomUUID().replace(/-/g, '')}`;
  const apps = new Map<string, MockApplication>();
  const deployments = new Map<string, MockDeployment>();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const unhealthyImages = new Set<string>();
  let queueFullAnswers = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      violations.push(`mock crashed: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) send(res, 500, { message: 'mock error' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const raw = await readBody(req);
    let body: unknown;
    if (raw !== '') {
      if (!/application\/json/.test(req.headers['content-type'] ?? ''))
        return refuse(res, 400, `${req.method} ${url.pathname}: body without a JSON content type`);
      try {
        body = JSON.parse(raw);
      } catch {
        return refuse(res, 400, `${req.method} ${url.pathname}: body is not JSON`);
      }
    }
    requests.push({
      method: req.method!,
      path: url.pathname,
      query: url.search,
      body,
      authorization: req.headers.authorization,
    });

    if (!url.pathname.startsWith('/api/v1/')) return refuse(res, 404, `${url.pathname} is not under /api/v1`);
    const path = url.pathname.slice('/api/v1'.length);
    const matched = contract.match(req.method!, path);
    if ('error' in matched) return refuse(res, matched.error, `${req.method} ${path} is not in the contract`);
    const { operation, template, params } = matched;

    // Every operation the tool uses is bearerAuth-protected (except /health).
    if (template !== '/health' && req.headers.authorization !== `Bearer ${token}`)
      return answer(res, operation, 401, { message: 'Unauthenticated.' });

    const problems = [
      ...contract.queryProblems(operation, url.searchParams),
      ...contract.bodyProblems(operation, body, true),
    ];
    if (problems.length > 0) {
      violations.push(`${req.method} ${path}: ${problems.join('; ')}`);
      const errors = Object.fromEntries(
        problems.map((p) => [
          p.split(' ')[0]!.replace(/^body$|^\//, '') || 'body',
          [p.includes('additional properties') ? 'This field is not allowed.' : p],
        ]),
      );
      return send(res, 422, { message: 'Validation failed.', errors });
    }

    switch (`${req.method} ${template}`) {
      case 'GET /version':
        return answer(res, operation, 200, '4.0.0-mock', 'text/html');
      case 'GET /health':
        return answer(res, operation, 200, 'OK', 'text/html');
      case 'GET /applications/{uuid}': {
        const app = apps.get(params.uuid!);
        return app
          ? answer(res, operation, 200, publicView(app))
          : answer(res, operation, 404, { message: 'Application not found.' });
      }
      case 'PATCH /applications/{uuid}': {
        const app = apps.get(params.uuid!);
        if (!app) return answer(res, operation, 404, { message: 'Application not found.' });
        const update = body as Record<string, unknown>;
        if ('custom_labels' in update && !isUtf8Base64(update.custom_labels as string))
          return send(res, 422, {
            message: 'Validation failed.',
            errors: { custom_labels: 'The custom_labels should be base64 encoded.' },
          });
        for (const [field, value] of Object.entries(update)) {
          if (PATCH_SETTINGS.has(field)) (app.settings as Record<string, unknown>)[field] = value;
          else if (field === 'domains') app.fqdn = value as string;
          else if (field === 'custom_network_aliases') app.custom_network_aliases = normalizeAliases(value);
          else (app as unknown as Record<string, unknown>)[field] = value;
        }
        // update_by_uuid(): with labels managed by Coolify, a domain change regenerates them.
        if ('domains' in update && app.settings.is_container_label_readonly_enabled)
          app.custom_labels = Buffer.from(coolifyGeneratedLabels(app).join('\n')).toString('base64');
        return answer(res, operation, 200, { uuid: app.uuid });
      }
      case 'GET /applications/{uuid}/envs': {
        const app = apps.get(params.uuid!);
        if (!app) return answer(res, operation, 404, { message: 'Application not found.' });
        const list = Object.entries(app.envs).map(([key, value], id) => ({
          id,
          uuid: `env-${id}`,
          key,
          value,
          real_value: value,
          is_runtime: true,
          is_buildtime: false,
          is_preview: false,
          is_literal: false,
        }));
        return answer(res, operation, 200, list);
      }
      case 'POST /deploy': {
        if (queueFullAnswers > 0) {
          queueFullAnswers -= 1;
          return answer(
            res,
            operation,
            429,
            { message: 'Deployment queue is full. Please wait for existing deployments to complete.' },
            'application/json',
            { 'retry-after': '60' },
          );
        }
        const uuids = (url.searchParams.get('uuid') ?? '').split(',').filter(Boolean);
        const queued = uuids.flatMap((uuid) => {
          const app = apps.get(uuid);
          if (!app) return [];
          const busy = [...deployments.values()].some(
            (d) => d.application_uuid === uuid && ACTIVE.has(d.status),
          );
          // Coolify mints the uuid first, then skips: the answer names a deployment that never exists.
          if (busy)
            return [
              {
                message: 'Deployment already queued for this commit.',
                resource_uuid: uuid,
                deployment_uuid: randomUUID(),
              },
            ];
          const deployment = newDeployment(app, 1);
          return [
            {
              message: `Application ${app.name} deployment queued.`,
              resource_uuid: uuid,
              deployment_uuid: deployment.deployment_uuid,
            },
          ];
        });
        if (queued.length === 0) return send(res, 404, { message: 'No resources found.' });
        return answer(res, operation, 200, { deployments: queued });
      }
      case 'GET /deployments':
        return answer(
          res,
          operation,
          200,
          [...deployments.values()].filter((d) => ACTIVE.has(d.status)).map(deploymentView),
        );
      case 'GET /deployments/{uuid}': {
        const deployment = deployments.get(params.uuid!);
        if (!deployment) return answer(res, operation, 404, { message: 'Deployment not found.' });
        advance(deployment);
        return answer(res, operation, 200, deploymentView(deployment));
      }
      default:
        violations.push(`${req.method} ${template} is in the contract but the mock does not implement it`);
        return send(res, 501, { message: 'not implemented by the mock' });
    }
  }

  function newDeployment(app: MockApplication, pollsToFinish: number, started = false): MockDeployment {
    const deployment: MockDeployment = {
      deployment_uuid: randomUUID(),
      application_uuid: app.uuid,
      image: app.docker_registry_image_name ?? '',
      docker_registry_image_tag: app.docker_registry_image_tag,
      status: started ? 'in_progress' : 'queued',
      polls: 0,
      pollsToFinish,
    };
    deployments.set(deployment.deployment_uuid, deployment);
    return deployment;
  }

  function deploymentView(deployment: MockDeployment): Record<string, unknown> {
    const app = apps.get(deployment.application_uuid)!;
    return {
      id: 1,
      application_id: '1',
      deployment_uuid: deployment.deployment_uuid,
      status: deployment.status,
      application_name: app.name,
      deployment_url: `/project/p-uuid/environment/e-uuid/application/${app.uuid}/deployment/${deployment.deployment_uuid}`,
      rollback: false,
      logs: JSON.stringify(
        deployment.status === 'failed'
          ? [{ output: 'New container is not healthy, rolling back to the old container.', type: 'stderr' }]
          : [],
      ),
    };
  }

  function advance(deployment: MockDeployment): void {
    deployment.polls += 1;
    const app = apps.get(deployment.application_uuid)!;
    if (deployment.status === 'queued') {
      // The job reads the application when it starts: what is configured then is what it deploys.
      deployment.status = 'in_progress';
      deployment.image = app.docker_registry_image_name ?? '';
      deployment.docker_registry_image_tag = app.docker_registry_image_tag;
    } else if (deployment.status === 'in_progress' && deployment.polls > deployment.pollsToFinish) {
      if (unhealthyImages.has(`${deployment.image}:${deployment.docker_registry_image_tag}`)) {
        deployment.status = 'failed'; // Coolify removes the new container and keeps the old one.
      } else {
        deployment.status = 'finished';
        app.running_tag = deployment.docker_registry_image_tag;
        app.running = startContainer(app);
        app.status = 'running:healthy';
      }
    }
  }

  function answer(
    res: ServerResponse,
    operation: Parameters<OpenApiContract['responseProblems']>[0],
    status: number,
    body: unknown,
    type = 'application/json',
    headers: Record<string, string> = {},
  ): void {
    const problems = contract.responseProblems(operation, status, body);
    if (problems.length > 0) violations.push(`mock answer breaks the contract: ${problems.join('; ')}`);
    send(res, status, body, type, headers);
  }

  function refuse(res: ServerResponse, status: number, why: string): void {
    violations.push(why);
    send(res, status, { message: why });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    apps,
    deployments,
    requests,
    violations,
    unhealthyImages,
    get queueFullAnswers() {
      return queueFullAnswers;
    },
    set queueFullAnswers(count: number) {
      queueFullAnswers = count;
    },
    startDeployment(appUuid, polls) {
      return newDeployment(apps.get(appUuid)!, polls, true);
    },
    addApplication(app) {
      const full = { ...defaults(), ...app, settings: { ...defaults().settings, ...app.settings } };
      full.running_tag = app.running_tag ?? full.docker_registry_image_tag;
      apps.set(full.uuid, full);
      return full;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function publicView(app: MockApplication): Record<string, unknown> {
  const { running_tag: _tag, running: _running, envs: _envs, ...view } = app;
  return view;
}

/** ApplicationDeploymentJob::generate_compose_file(), reduced to what the tests look at. */
function startContainer(app: MockApplication): RunningContainer {
  const labels = decode(app.custom_labels);
  const kept = labels.filter((label) => !label.startsWith('coolify.'));
  // Coolify saves the deletion: the coolify.* labels are gone from the application too.
  if (kept.length !== labels.length) app.custom_labels = Buffer.from(kept.join('\n')).toString('base64');
  const name = `${app.uuid}-${String(Date.now()).slice(-9)}`;
  return {
    name,
    aliases: [name, ...(app.custom_network_aliases ?? '').split(',').filter(Boolean)],
    labels: kept,
    health: {
      type: app.health_check_type,
      command: app.health_check_command,
      enabled: app.health_check_enabled,
    },
  };
}

/** What "Managed by Coolify" writes: its own routers, no middlewares of ours. */
function coolifyGeneratedLabels(app: MockApplication): string[] {
  const labels = ['traefik.enable=true', 'traefik.http.middlewares.gzip.compress=true'];
  for (const [index, domain] of (app.fqdn ?? '').split(',').filter(Boolean).entries()) {
    const host = new URL(domain).hostname;
    labels.push(
      `traefik.http.routers.https-${index}-${app.uuid}.rule=Host(\`${host}\`) && PathPrefix(\`/\`)`,
      `traefik.http.routers.https-${index}-${app.uuid}.middlewares=gzip`,
    );
  }
  return labels.sort();
}

/** Coolify stores the aliases as a JSON array (trimmed, spaces → dashes, unique) and answers them joined. */
function normalizeAliases(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const aliases = [...new Set(value.split(',').map((a) => a.trim().replace(/ /g, '-')))].filter(Boolean);
  return aliases.length > 0 ? aliases.join(',') : null;
}

function isUtf8Base64(value: string): boolean {
  if (typeof value !== 'string' || Buffer.from(value, 'base64').toString('base64') !== value) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'base64'));
    return true;
  } catch {
    return false;
  }
}

const decode = (value: string | null) =>
  value
    ? Buffer.from(value, 'base64')
        .toString('utf8')
        .split(/\r?\n/)
        .filter((line) => line !== '')
    : [];

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json',
  headers: Record<string, string> = {},
): void {
  const text = type === 'application/json' ? JSON.stringify(body) : String(body);
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
