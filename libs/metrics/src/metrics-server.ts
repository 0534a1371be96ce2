// /metrics on its own internal port, so the public listener (and Traefik)
// never exposes it unless an operator routes it on purpose.
import { createServer } from 'node:http';

export interface MetricsSource {
  metrics(): Promise<string>;
  contentType: string;
}

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

export function startMetricsServer(
  source: MetricsSource,
  port: number,
  host: string,
): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    source
      .metrics()
      .then((body) => response.writeHead(200, { 'content-type': source.contentType }).end(body))
      .catch((error: Error) => response.writeHead(500).end(error.message));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        port: (server.address() as { port: number }).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
