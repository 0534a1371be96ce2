// A TCP proxy in front of the real Postgres or Redis that a test can cut and
// restore, to simulate outages without touching the machine's servers:
// `refuse` accepts and resets at once, `blackhole` accepts and never answers
// (a network partition), `open` forwards.
import { connect, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'open' | 'refuse' | 'blackhole';

export interface TcpProxy {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  /** Switches mode; cutting (refuse/blackhole) also drops every live connection. */
  setMode(mode: ProxyMode): void;
  /** Connections accepted so far (attempts, whatever the mode). */
  readonly accepted: number;
  close(): Promise<void>;
}

export async function createTcpProxy(
  target: { host: string; port: number },
  initialMode: ProxyMode = 'open',
): Promise<TcpProxy> {
  let mode = initialMode;
  let accepted = 0;
  const live = new Set<Socket>();
  const track = (socket: Socket) => {
    live.add(socket);
    socket.on('close', () => live.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const server: Server = createServer((client) => {
    accepted += 1;
    track(client);
    if (mode === 'refuse') return void client.resetAndDestroy();
    if (mode === 'blackhole') return; // held open, never answered, dropped on the next mode change
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;

  return {
    port,
    urlFor(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    setMode(next) {
      mode = next;
      for (const socket of live) socket.destroy();
      live.clear();
    },
    get accepted() {
      return accepted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of live) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
