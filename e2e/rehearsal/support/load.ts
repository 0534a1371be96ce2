// An open-loop load generator: requests start on a fixed schedule (rate per
// second), whether or not earlier ones have answered, so a stalled server
// shows up as timeouts and errors instead of quietly slowing the load down
// (what a closed-loop tool does). Nothing is ever retried: every answer that is
// not 2xx/3xx, every socket error and every timeout is one failed request.
// Plain node:http with a keep-alive pool, like a browser; no retry layer.
// Beside the raw WebSockets (every unclean close is a failure), the portals'
// own live-update client (libs/ui) runs through a portal, as a browser tab
// does: it must reconnect by itself after a deploy closes its socket.
import { Agent, request as httpRequest } from 'node:http';
import { LiveUpdatesClient, type LiveStatus } from '@zamio/ui/live-client';
import WebSocket from 'ws';

export interface LoadRequest {
  /** For the report: reads, login, capture, portal… */
  kind: string;
  method: string;
  path: string;
  host: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface LoadMix {
  /** Share of the schedule, by weight; build() makes one request (fresh ids, bodies). */
  weight: number;
  build: (n: number) => LoadRequest;
  /** Called with the answer of each successful request of this kind. */
  onAnswer?: (status: number, body: string, request: LoadRequest) => void;
  /** Called for each failed request of this kind (status, error or timeout). */
  onFailure?: (
    reason: string,
    request: LoadRequest,
    headers?: Record<string, string | string[] | undefined>,
  ) => void;
}

export interface Failure {
  at: number;
  kind: string;
  path: string;
  reason: string;
}

export interface LoadReport {
  sent: number;
  ok: number;
  failed: number;
  timeouts: number;
  byReason: Record<string, number>;
  byKind: Record<string, { sent: number; failed: number }>;
  maxLatencyMs: number;
  p99LatencyMs: number;
  durationMs: number;
  rate: number;
  /** The first failures, for the report (at most 200). */
  failures: Failure[];
  /** When each failure happened (all of them). */
  failureTimes: number[];
  /** Requests still unanswered when the run was stopped (counted as timeouts). */
  unanswered: number;
  websockets: {
    opened: number;
    cleanCloses: number;
    uncleanCloses: number;
    messages: number;
    lastMessageAt?: number;
  };
  /** The portal clients' live connections: how often they reconnected, and their state at the end. */
  portalLive: { reconnects: number; disconnects: number; statusAtEnd: LiveStatus[] };
}

export interface LoadOptions {
  /** 127.0.0.1 port the requests go to (the proxy). */
  port: number;
  rate: number;
  mix: LoadMix[];
  timeoutMs?: number;
  /** WebSockets held open for the whole run; reconnected after a clean close, as the portals do. */
  websockets?: SocketSpec[];
  /** The portals' live-update client (libs/ui), one per entry, subscribed for the whole run. */
  portalClients?: SocketSpec[];
}

export interface SocketSpec {
  host: string;
  path: string;
  headers: Record<string, string>;
}

export class LoadGenerator {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 128, keepAliveMsecs: 1_000 });
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private stoppedAt = 0;
  private scheduled = 0;
  private inFlight = new Set<() => void>();
  private readonly latencies: number[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly portalClients: LiveUpdatesClient[] = [];
  private stopping = false;
  private readonly report: LoadReport = {
    sent: 0,
    ok: 0,
    failed: 0,
    timeouts: 0,
    byReason: {},
    byKind: {},
    maxLatencyMs: 0,
    p99LatencyMs: 0,
    durationMs: 0,
    rate: 0,
    failures: [],
    failureTimes: [],
    unanswered: 0,
    websockets: { opened: 0, cleanCloses: 0, uncleanCloses: 0, messages: 0 },
    portalLive: { reconnects: 0, disconnects: 0, statusAtEnd: [] },
  };
  private readonly cumulative: number[];
  private readonly totalWeight: number;

  constructor(private readonly options: LoadOptions) {
    let sum = 0;
    this.cumulative = options.mix.map((m) => (sum += m.weight));
    this.totalWeight = sum;
  }

  start(): void {
    this.startedAt = performance.now();
    this.report.rate = this.options.rate;
    const tick = () => {
      const due = Math.floor(((performance.now() - this.startedAt) / 1000) * this.options.rate);
      while (this.scheduled < due) this.fire(this.scheduled++);
      this.timer = setTimeout(tick, 2);
    };
    tick();
    for (const ws of this.options.websockets ?? []) this.holdSocket(ws);
    for (const spec of this.options.portalClients ?? []) this.runPortalClient(spec);
  }

  /**
   * Resolves true once every portal client is connected (false after the
   * timeout): a client dropped by a deploy reconnects after its backoff, which
   * may outlast the scenario's settle time.
   */
  async portalClientsOpen(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const allOpen = () => this.portalClients.every((client) => client.status === 'open');
    while (!allOpen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return allOpen();
  }

  /** Stops scheduling; waits for answers up to the timeout; anything still open is a timeout. */
  async stop(): Promise<LoadReport> {
    clearTimeout(this.timer);
    this.stoppedAt = performance.now();
    this.stopping = true;
    const deadline = Date.now() + (this.options.timeoutMs ?? 10_000) + 1_000;
    while (this.inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    this.report.unanswered = this.inFlight.size;
    for (const abort of [...this.inFlight]) abort();
    for (const socket of this.sockets) socket.close(1000, 'load finished');
    this.report.portalLive.statusAtEnd = this.portalClients.map((client) => client.status);
    for (const client of this.portalClients) client.close();
    this.agent.destroy();
    this.report.durationMs = Math.round(this.stoppedAt - this.startedAt);
    const sorted = [...this.latencies].sort((a, b) => a - b);
    this.report.p99LatencyMs = Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0);
    return this.report;
  }

  private choose(n: number): LoadMix {
    // Deterministic spread over the weights (no randomness: runs compare).
    const slot = ((n * 7919) % this.totalWeight) + 0.5;
    return this.options.mix[this.cumulative.findIndex((c) => slot < c)]!;
  }

  private fail(kind: string, path: string, reason: string): void {
    this.report.failed += 1;
    this.report.byReason[reason] = (this.report.byReason[reason] ?? 0) + 1;
    (this.report.byKind[kind] ??= { sent: 0, failed: 0 }).failed += 1;
    this.report.failureTimes.push(Date.now());
    if (this.report.failures.length < 200) this.report.failures.push({ at: Date.now(), kind, path, reason });
  }

  private fire(n: number): void {
    const mix = this.choose(n);
    const req = mix.build(n);
    this.report.sent += 1;
    this.report.byKind[req.kind] ??= { sent: 0, failed: 0 };
    this.report.byKind[req.kind]!.sent += 1;
    const started = performance.now();
    let settled = false;
    const settle = (outcome: {
      status?: number;
      body?: string;
      error?: string;
      timeout?: boolean;
      headers?: Record<string, string | string[] | undefined>;
    }) => {
      if (settled) return;
      settled = true;
      this.inFlight.delete(abort);
      const latency = performance.now() - started;
      this.latencies.push(latency);
      this.report.maxLatencyMs = Math.max(this.report.maxLatencyMs, Math.round(latency));
      let reason: string | undefined;
      if (outcome.timeout) {
        this.report.timeouts += 1;
        reason = 'timeout';
      } else if (outcome.error) reason = outcome.error;
      else if (outcome.status! >= 200 && outcome.status! < 400) {
        this.report.ok += 1;
        mix.onAnswer?.(outcome.status!, outcome.body ?? '', req);
      } else reason = `HTTP ${outcome.status}`;
      if (reason !== undefined) {
        this.fail(req.kind, req.path, reason);
        mix.onFailure?.(reason, req, outcome.headers);
      }
    };
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const client = httpRequest({
      host: '127.0.0.1',
      port: this.options.port,
      method: req.method,
      path: req.path,
      agent: this.agent,
      headers: {
        host: req.host,
        ...(body ? { 'content-length': String(body.length) } : {}),
        ...req.headers,
      },
    });
    const timer = setTimeout(() => {
      settle({ timeout: true });
      client.destroy();
    }, this.options.timeoutMs ?? 10_000);
    const abort = () => {
      clearTimeout(timer);
      settle({ timeout: true });
      client.destroy();
    };
    this.inFlight.add(abort);
    client.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        settle({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          headers: response.headers,
        });
      });
      response.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        settle({ error: error.code ?? 'response error' });
      });
    });
    client.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      settle({ error: error.code ?? error.message });
    });
    client.end(body);
  }

  private holdSocket(spec: { host: string; path: string; headers: Record<string, string> }): void {
    if (this.stopping) return;
    // Each connection attempt is one request of the run.
    this.report.sent += 1;
    (this.report.byKind.websocket ??= { sent: 0, failed: 0 }).sent += 1;
    const socket = new WebSocket(`ws://127.0.0.1:${this.options.port}${spec.path}`, {
      headers: { host: spec.host, ...spec.headers },
    });
    this.sockets.add(socket);
    let opened = false;
    socket.on('open', () => {
      opened = true;
      this.report.websockets.opened += 1;
    });
    socket.on('message', () => {
      this.report.websockets.messages += 1;
      this.report.websockets.lastMessageAt = Date.now();
    });
    socket.on('error', () => undefined);
    socket.on('unexpected-response', (_req, response) => {
      this.fail('websocket', spec.path, `websocket HTTP ${response.statusCode}`);
    });
    socket.on('close', (code) => {
      this.sockets.delete(socket);
      if (this.stopping) return;
      // 1000/1001 (going away, the bff's shutdown) are clean: reconnect as the portal client does.
      if (opened && (code === 1000 || code === 1001 || code === 1012))
        this.report.websockets.cleanCloses += 1;
      else {
        this.report.websockets.uncleanCloses += 1;
        this.fail('websocket', spec.path, `websocket closed ${code}`);
      }
      setTimeout(() => this.holdSocket(spec), 250);
    });
  }

  private runPortalClient(spec: SocketSpec): void {
    const url = `ws://127.0.0.1:${this.options.port}${spec.path}`;
    // A browser sends the page's Host, cookie and Origin itself; `ws` needs
    // them given (the client only ever passes the URL).
    class BrowserLikeSocket extends WebSocket {
      constructor(address: string) {
        super(address, { headers: { host: spec.host, ...spec.headers } });
      }
    }
    const client = new LiveUpdatesClient({
      url,
      WebSocketImpl: BrowserLikeSocket as unknown as typeof globalThis.WebSocket,
    });
    const live = this.report.portalLive;
    client.onStatusChange((status) => {
      if (status === 'reconnecting') live.disconnects += 1;
    });
    client.onReconnect(() => (live.reconnects += 1));
    client.subscribe('*', () => {
      this.report.websockets.messages += 1;
      this.report.websockets.lastMessageAt = Date.now();
    });
    this.portalClients.push(client);
  }
}

/** One line of figures for a scenario's report. */
export function describeLoad(report: LoadReport): string {
  const reasons = Object.entries(report.byReason)
    .map(([reason, count]) => `${reason}×${count}`)
    .join(', ');
  return (
    `sent ${report.sent} at ${report.rate}/s over ${(report.durationMs / 1000).toFixed(1)} s, ` +
    `failed ${report.failed}${reasons ? ` (${reasons})` : ''}, timeouts ${report.timeouts}, ` +
    `max latency ${report.maxLatencyMs} ms (p99 ${report.p99LatencyMs} ms), websockets opened ${report.websockets.opened} ` +
    `(clean closes ${report.websockets.cleanCloses}, unclean ${report.websockets.uncleanCloses}), ` +
    `portal live client: ${report.portalLive.disconnects} disconnects, ${report.portalLive.reconnects} reconnects, ` +
    `${report.portalLive.statusAtEnd.join('/') || 'none'} at the end`
  );
}
