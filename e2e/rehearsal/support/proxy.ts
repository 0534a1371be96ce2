// A reverse proxy that behaves like Coolify's Traefik (../shared/coolify.md)
// where zero-downtime deploys depend on it:
// - routes by Host to the containers of a service that Docker reports running
//   and, when they have a health check, healthy (round robin between them);
// - learns of container changes from `docker events`, applied after a ~2 s
//   throttle (Traefik's providersThrottleDuration), never by polling the apps;
// - never retries a failed request on another backend: a refused or reset
//   upstream connection is the client's 502, as with Traefik's defaults;
// - keeps client keep-alive connections (and WebSockets) open across changes;
// - keeps idle upstream connections for 90 s (Traefik's idleConnTimeout);
// - sets X-Forwarded-For/Proto/Host/Port and X-Real-Ip, passes WebSockets.
// The HTTP work is http-proxy-3's; this file only decides where to send.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createProxyServer } from 'http-proxy-3';
import { docker, dockerBin } from '@zamio/testing/docker-cli';

export interface ProxyRoute {
  /** Value of the container label `rehearsal.service`. */
  service: string;
  port: number;
}

export interface ProxyOptions {
  /** Only containers with label rehearsal.run=<run> are considered. */
  run: string;
  /** The docker network whose addresses the proxy dials. */
  network: string;
  /** Host header (without port) → service. */
  routes: Record<string, ProxyRoute>;
  throttleMs?: number;
  /** What X-Forwarded-Proto says: Traefik terminates TLS, so production says https. */
  forwardedProto?: 'http' | 'https';
  /** Told of every applied change, with the containers that left the rotation. */
  onChange?: (change: RoutingChange, left: string[]) => void;
}

interface Backend {
  container: string;
  address: string;
}

/** One change of a service's routing table, as the proxy applied it. */
export interface RoutingChange {
  at: number;
  service: string;
  backends: string[];
}

/** A container lifecycle event, as Docker reported it to the proxy. */
export interface ContainerEvent {
  at: number;
  container: string;
  action: string;
}

export class RehearsalProxy {
  readonly changes: RoutingChange[] = [];
  readonly events: ContainerEvent[] = [];
  private readonly table = new Map<string, Backend[]>();
  private readonly agents = new Map<string, Agent>();
  private readonly cursor = new Map<string, number>();
  private readonly proxy = createProxyServer({ xfwd: true, ws: true });
  private server: Server | undefined;
  private watcher: ChildProcess | undefined;
  private pending: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> = Promise.resolve();
  /** Upstream failures (no retry): what the proxy answered 502 for. */
  readonly upstreamErrors: { at: number; container: string; code: string }[] = [];
  port = 0;

  constructor(private readonly options: ProxyOptions) {
    this.proxy.on('proxyReq', (proxyReq, req) => {
      proxyReq.setHeader('x-real-ip', req.socket.remoteAddress ?? '');
      proxyReq.setHeader('x-forwarded-proto', this.options.forwardedProto ?? 'http');
    });
    this.proxy.on('proxyReqWs', (proxyReq, req) => {
      proxyReq.setHeader('x-real-ip', req.socket.remoteAddress ?? '');
      proxyReq.setHeader('x-forwarded-proto', this.options.forwardedProto ?? 'http');
    });
  }

  async start(): Promise<number> {
    // Events first, then the first table: nothing that happens in between is missed.
    this.watcher = spawn(dockerBin, [
      'events',
      '--format',
      '{{json .}}',
      '--filter',
      'type=container',
      '--filter',
      `label=rehearsal.run=${this.options.run}`,
    ]);
    let buffered = '';
    this.watcher.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) this.onEvent(line);
    });
    await this.refresh();
    this.server = createServer((req, res) => this.web(req, res));
    // Traefik's entrypoint idleTimeout: clients' keep-alive connections stay open.
    this.server.keepAliveTimeout = 180_000;
    this.server.headersTimeout = 181_000;
    this.server.requestTimeout = 0;
    this.server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) =>
      this.upgrade(req, socket, head),
    );
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    clearTimeout(this.pending);
    this.watcher?.kill();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    for (const agent of this.agents.values()) agent.destroy();
  }

  /** The routing table of a service now (container names). */
  backendsOf(service: string): string[] {
    return (this.table.get(service) ?? []).map((b) => b.container);
  }

  /** When the proxy last stopped routing to a container (undefined: never did). */
  leftRotationAt(container: string): number | undefined {
    let inRotation = false;
    let left: number | undefined;
    for (const change of this.changes) {
      const now = change.backends.includes(container);
      if (inRotation && !now) left = change.at;
      if (now) left = undefined;
      inRotation = now;
    }
    return left;
  }

  /** When Docker reported the container's process ended ("die"). */
  diedAt(container: string): number | undefined {
    return this.events.find((e) => e.container === container && e.action === 'die')?.at;
  }

  /** Resolves once the proxy routes `service` to exactly these containers. */
  async waitForBackends(service: string, containers: string[], timeoutMs = 60_000): Promise<void> {
    const want = [...containers].sort().join(',');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.backendsOf(service).sort().join(',') === want) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `proxy: ${service} still routes to [${this.backendsOf(service).join(', ')}], not [${want}]`,
    );
  }

  private onEvent(line: string): void {
    if (!line.trim()) return;
    try {
      const event = JSON.parse(line) as {
        Action?: string;
        status?: string;
        timeNano?: number;
        Actor?: { Attributes?: Record<string, string> };
      };
      const action = event.Action ?? event.status ?? '';
      // exec_* events are the health checks themselves: no change of state.
      if (action.startsWith('exec_')) return;
      this.events.push({
        at: event.timeNano ? Math.round(event.timeNano / 1e6) : Date.now(),
        container: event.Actor?.Attributes?.name ?? '',
        action,
      });
    } catch {
      return;
    }
    // Throttle: the first event arms a timer; everything until it fires is one change.
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.refreshing = this.refreshing.then(() => this.refresh()).catch(() => undefined);
    }, this.options.throttleMs ?? 2_000);
  }

  private async refresh(): Promise<void> {
    const ids = (
      await docker(
        'ps',
        '-q',
        '--filter',
        `label=rehearsal.run=${this.options.run}`,
        '--filter',
        'status=running',
      )
    )
      .split('\n')
      .filter(Boolean);
    const next = new Map<string, Backend[]>();
    if (ids.length > 0) {
      const inspected = JSON.parse(await docker('inspect', ...ids)) as {
        Name: string;
        State: { Running: boolean; Health?: { Status: string } };
        Config: { Labels: Record<string, string> };
        NetworkSettings: { Networks: Record<string, { IPAddress: string }> };
      }[];
      for (const container of inspected) {
        const service = container.Config.Labels['rehearsal.service'];
        const address = container.NetworkSettings.Networks[this.options.network]?.IPAddress;
        if (!service || !address || !container.State.Running) continue;
        if (container.State.Health && container.State.Health.Status !== 'healthy') continue;
        const list = next.get(service) ?? [];
        list.push({ container: container.Name.replace(/^\//, ''), address });
        next.set(service, list);
      }
    }
    const services = new Set([...this.table.keys(), ...next.keys()]);
    const at = Date.now();
    for (const service of services) {
      const before = this.backendsOf(service).sort().join(',');
      const after = (next.get(service) ?? []).map((b) => b.container).sort();
      if (before !== after.join(',')) {
        const change = { at, service, backends: after };
        this.changes.push(change);
        this.options.onChange?.(
          change,
          this.backendsOf(service).filter((c) => !after.includes(c)),
        );
      }
      this.table.set(service, next.get(service) ?? []);
    }
  }

  private pick(req: IncomingMessage): { backend: Backend; port: number } | undefined {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const route = this.options.routes[host];
    if (!route) return undefined;
    const backends = this.table.get(route.service) ?? [];
    if (backends.length === 0) return undefined;
    const n = (this.cursor.get(route.service) ?? 0) % backends.length;
    this.cursor.set(route.service, n + 1);
    return { backend: backends[n]!, port: route.port };
  }

  private agentFor(target: string): Agent {
    let agent = this.agents.get(target);
    if (!agent) {
      agent = new Agent({ keepAlive: true, timeout: 90_000, maxSockets: 256 });
      this.agents.set(target, agent);
    }
    return agent;
  }

  private web(req: IncomingMessage, res: ServerResponse): void {
    const chosen = this.pick(req);
    if (!chosen) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found (no available server)');
      return;
    }
    const target = `http://${chosen.backend.address}:${chosen.port}`;
    this.proxy.web(req, res, { target, agent: this.agentFor(target) }, (error: Error) => {
      this.upstreamErrors.push({
        at: Date.now(),
        container: chosen.backend.container,
        code: (error as NodeJS.ErrnoException).code ?? error.message,
      });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
      else res.destroy();
    });
  }

  private upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const chosen = this.pick(req);
    if (!chosen) {
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
      return;
    }
    socket.on('error', () => undefined);
    this.proxy.ws(req, socket, head, { target: `ws://${chosen.backend.address}:${chosen.port}` }, () => {
      socket.destroy();
    });
  }
}
