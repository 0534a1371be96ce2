// A local HTTP server standing in for the bff's routes a component calls, so
// component tests go through real XHR/fetch, CORS and multipart bodies and
// can check exactly what the browser sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createApiClient } from '@zamio/api-client';
import { DEFAULT_RUNTIME_CONFIG } from '../src/runtime-config/runtime-config';

export interface ReceivedRequest {
  method: string;
  path: string;
  /** The query string's parameters (e.g. a list's filters and sort). */
  query: Record<string, string>;
  contentType: string;
  csrf: string | undefined;
  /** Request headers (lower-case names), e.g. tus's Upload-Offset. */
  headers: Record<string, string | string[] | undefined>;
  /** JSON bodies parsed; multipart bodies as latin1 text (first 4 kB) with their size. */
  json: unknown;
  text: string;
  bytes: number;
}

/** `headers` for protocols that answer in headers (tus: Location, Upload-Offset). */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
export type Route = (request: ReceivedRequest) => Answer | Promise<Answer>;

export interface LocalBff {
  /** e.g. http://127.0.0.1:1234/api */
  apiBaseUrl: string;
  received: ReceivedRequest[];
  /** `'POST /artist/tracks'` → answer; unknown routes answer 404. */
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export async function startLocalBff(): Promise<LocalBff> {
  const received: ReceivedRequest[] = [];
  const routes = new Map<string, Route>();
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
    response.setHeader(
      'Access-Control-Allow-Headers',
      'x-csrf-token, x-request-id, accept, content-type, tus-resumable, upload-length, upload-offset, upload-metadata',
    );
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, HEAD, DELETE');
    response.setHeader(
      'Access-Control-Expose-Headers',
      'x-request-id, location, upload-offset, upload-length, tus-resumable',
    );
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks);
      const contentType = request.headers['content-type'] ?? '';
      const url = new URL(request.url ?? '/', 'http://local');
      const path = url.pathname.replace(/^\/api/, '');
      const entry: ReceivedRequest = {
        method: request.method ?? 'GET',
        path,
        query: Object.fromEntries(url.searchParams),
        contentType,
        headers: request.headers,
        csrf: request.headers['x-csrf-token'] as string | undefined,
        json: contentType.includes('json') && body.length ? JSON.parse(body.toString('utf8')) : undefined,
        text: body.subarray(0, 4096).toString('latin1'),
        bytes: body.length,
      };
      received.push(entry);
      const route = routes.get(`${entry.method} ${path}`);
      const answer = route
        ? await route(entry)
        : { status: 404, body: { statusCode: 404, message: `no route ${path}` } };
      response.setHeader('content-type', 'application/json');
      response.setHeader('x-request-id', `req-${received.length}`);
      for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
      response.writeHead(answer.status).end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiBaseUrl: `http://127.0.0.1:${port}/api`,
    received,
    routes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** renderInPortal's options for a component that calls this bff (no retries, no breaker). */
export function renderOptionsFor(bff: LocalBff) {
  return {
    apiClient: createApiClient({ baseUrl: bff.apiBaseUrl, breaker: false, retries: 0 }),
    config: { ...DEFAULT_RUNTIME_CONFIG, apiBaseUrl: bff.apiBaseUrl },
  };
}

/**
 * Call at the top of a describe block: one local bff for its tests, emptied
 * (requests and routes) before each; read `bff` inside a test.
 */
export function useLocalBff(): {
  readonly bff: LocalBff;
  renderOptions: () => ReturnType<typeof renderOptionsFor>;
} {
  let started: LocalBff | undefined;
  beforeAll(async () => {
    started = await startLocalBff();
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    started?.received.splice(0);
    started?.routes.clear();
  });
  const bff = () => {
    if (!started) throw new Error('the local bff is not started (read it inside a test)');
    return started;
  };
  return {
    get bff() {
      return bff();
    },
    renderOptions: () => renderOptionsFor(bff()),
  };
}
