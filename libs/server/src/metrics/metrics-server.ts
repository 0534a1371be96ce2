// /metrics on its own internal port, so the public listener (and Traefik)
// never exposes it unless an operator routes it on purpose.
import { createServer, type Server } from 'node:http';

export function startMetricsServer(
  registry: { metrics(): Promise<string>; contentType: string },
  port: number,
  host: string,
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry
      .metrics()
      .then((body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body))
      .catch((error: Error) => response.writeHead(500).end(error.message));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
