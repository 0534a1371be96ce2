// A Coolify API stand-in for the deploy tool's tests (node:http on 127.0.0.1:0).
// Faithful to the OpenAPI contract: every request's path, method, query and JSON
// body is validated against it, and so is every answer the mock gives. Like real
// Coolify, PATCH bodies with fields the endpoint does not list are refused (422
// "This field is not allowed."). It keeps per-application state; deployments move
// queued → in_progress → finished (one step per poll), or to failed when the new
// image is configured unhealthy, in which case the old container keeps running.
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
  settings: {
    stop_grace_period: number | null;
    docker_images_to_keep: number;
    is_consistent_container_name_enabled: boolean;
    custom_internal_name: string | null;
  };
  /** Mock-only: the tag of the container that actually runs. */
  running_tag: string | null;
  envs: Record<string, string>;
}

export interface MockDeployment {
  deployment_uuid: string;
  application_uuid: string;
  image: string;
  docker_registry_image_tag: string | null;
  status: 'queued' | 'in_progress' | 'finished' | 'failed';
  polls: number;
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
  addApplication(app: Partial<MockApplication> & Pick<MockApplication, 'uuid' | 'name'>): MockApplication;
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
  settings: {
    stop_grace_period: null,
    docker_images_to_keep: 2,
    is_consistent_container_name_enabled: false,
    custom_internal_name: null,
  },
  running_tag: null,
  envs: {},
});

const PATCH_SETTINGS = new Set(['stop_grace_period', 'docker_images_to_keep']);

export async function startMockCoolify(options: { token?: string } = {}): Promise<MockCoolify> {
  const contract = new OpenApiContract();
  const token = options.token ?? `1|${randomUUID().replace(/-/g, '')}`;
  const apps = new Map<string, MockApplication>();
  const deployments = new Map<string, MockDeployment>();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const unhealthyImages = new Set<string>();

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
        for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
          if (PATCH_SETTINGS.has(field)) (app.settings as Record<string, unknown>)[field] = value;
          else if (field === 'domains') app.fqdn = value as string;
          else (app as unknown as Record<string, unknown>)[field] = value;
        }
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
        const uuids = (url.searchParams.get('uuid') ?? '').split(',').filter(Boolean);
        const queued = uuids.map((uuid) => {
          const app = apps.get(uuid);
          if (!app)
            return { message: `Resource ${uuid} not found.`, resource_uuid: uuid, deployment_uuid: '' };
          const deployment: MockDeployment = {
            deployment_uuid: randomUUID(),
            application_uuid: uuid,
            image: app.docker_registry_image_name ?? '',
            docker_registry_image_tag: app.docker_registry_image_tag,
            status: 'queued',
            polls: 0,
          };
          deployments.set(deployment.deployment_uuid, deployment);
          return {
            message: 'Deployment request queued.',
            resource_uuid: uuid,
            deployment_uuid: deployment.deployment_uuid,
          };
        });
        return answer(res, operation, 200, { deployments: queued.filter((d) => d.deployment_uuid !== '') });
      }
      case 'GET /deployments/{uuid}': {
        const deployment = deployments.get(params.uuid!);
        if (!deployment) return answer(res, operation, 404, { message: 'Deployment not found.' });
        advance(deployment);
        const app = apps.get(deployment.application_uuid)!;
        return answer(res, operation, 200, {
          id: 1,
          application_id: app.uuid,
          deployment_uuid: deployment.deployment_uuid,
          docker_registry_image_tag: deployment.docker_registry_image_tag,
          status: deployment.status,
          application_name: app.name,
          rollback: false,
          logs: JSON.stringify(
            deployment.status === 'failed'
              ? [
                  {
                    output: 'New container is not healthy, rolling back to the old container.',
                    type: 'stderr',
                  },
                ]
              : [],
          ),
        });
      }
      default:
        violations.push(`${req.method} ${template} is in the contract but the mock does not implement it`);
        return send(res, 501, { message: 'not implemented by the mock' });
    }
  }

  function advance(deployment: MockDeployment): void {
    deployment.polls += 1;
    if (deployment.status === 'queued') deployment.status = 'in_progress';
    else if (deployment.status === 'in_progress') {
      const app = apps.get(deployment.application_uuid)!;
      if (unhealthyImages.has(`${deployment.image}:${deployment.docker_registry_image_tag}`)) {
        deployment.status = 'failed'; // Coolify removes the new container and keeps the old one.
      } else {
        deployment.status = 'finished';
        app.running_tag = deployment.docker_registry_image_tag;
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
  ): void {
    const problems = contract.responseProblems(operation, status, body);
    if (problems.length > 0) violations.push(`mock answer breaks the contract: ${problems.join('; ')}`);
    send(res, status, body, type);
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
  const { running_tag: _running, envs: _envs, ...view } = app;
  return view;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = type === 'application/json' ? JSON.stringify(body) : String(body);
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
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
