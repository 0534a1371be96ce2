// A real HTTP server on 127.0.0.1 with a random port, scripted per test, that
// records what it received. Tests exercise the client over real sockets.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Responder = (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>;

export interface LocalTestServer {
  url: string;
  received: ReceivedRequest[];
  /** Responders used in order, one per request; the last one repeats. */
  respondWith(...responders: Responder[]): void;
  close(): Promise<void>;
}

export async function startLocalTestServer(): Promise<LocalTestServer> {
  const received: ReceivedRequest[] = [];
  let responders: Responder[] = [json(200, { ok: true })];

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: ReceivedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: Date.now(),
    };
    received.push(request);
    const responder = responders[Math.min(received.length - 1, responders.length - 1)]!;
    await responder(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respondWith: (...next) => {
      responders = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_request, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

export function delayed(ms: number, responder: Responder): Responder {
  return async (request, res) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (!res.destroyed) await responder(request, res);
  };
}
