// What real-world servers do wrong, played by small local HTTP/TCP servers: a web page instead
// of a stream, no content type, garbage, redirect loops, silence after connecting, a SHOUTcast
// v1 "ICY 200 OK" reply, a stream slower than real time.
import { execFile } from 'node:child_process';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStream, type RecordStreamOptions } from '../src/index.ts';
import { recordingFailure } from './stream-failure.ts';

const run = promisify(execFile);
const LOCAL = { allowPrivateAddresses: true } as const;

let mp3: Buffer; // 4 s of a 750 Hz tone at 128 kbps (~16 KB/s)
const servers: Server[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  const { stdout } = await run(
    process.env.FFMPEG_PATH ?? 'ffmpeg',
    [
      '-nostdin',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=750:duration=4',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '128k',
      '-f',
      'mp3',
      'pipe:1',
    ],
    { encoding: 'buffer', maxBuffer: 10 * 1024 * 1024 },
  );
  mp3 = stdout;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
});

async function serve(handler: RequestListener): Promise<string> {
  return track(createHttpServer(handler));
}

async function serveTcp(onConnection: (socket: Socket) => void): Promise<string> {
  return track(createTcpServer(onConnection));
}

async function track(server: Server): Promise<string> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function failure(url: string, options: Partial<RecordStreamOptions> & { seconds: number }) {
  return recordingFailure(url, { ...LOCAL, ...options });
}

describe('content that is not an audio stream', () => {
  it('a web page', async () => {
    const url = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>'),
    );
    const error = await failure(url, { seconds: 5 });
    expect(error).toMatchObject({
      reason: 'not-audio',
      message: 'the server sent text/html, not an audio stream',
    });
  });

  it('garbage served as audio/mpeg', async () => {
    const url = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(Buffer.alloc(100_000, 'x')),
    );
    const error = await failure(url, { seconds: 5 });
    expect(error).toMatchObject({ reason: 'not-audio' });
    expect(error.message).toMatch(/no audio frames found in the first 64 KB \(content type audio\/mpeg\)/);
  });

  it('no content type: the bytes decide (MP3 is recognised)', async () => {
    const url = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(mp3),
    );
    const recording = await recordStream(url, { ...LOCAL, seconds: 2 });
    expect(recording).toMatchObject({
      codec: 'mpeg',
      format: 'mp3',
      contentType: 'application/octet-stream',
    });
    expect(recording.durationSeconds).toBeGreaterThanOrEqual(2);
  });
});

describe('protocol problems', () => {
  it('a stream shorter than the window ends early, saying how much it had', async () => {
    const url = await serve((_req, res) => res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(mp3));
    const error = await failure(url, { seconds: 10 });
    expect(error.reason).toBe('ended-early');
    expect(error.recordedSeconds).toBeCloseTo(4, 0);
  });

  it('a redirect loop stops at the limit', async () => {
    const url = await serve((req, res) => res.writeHead(302, { location: `${req.url}x` }).end());
    const error = await failure(`${url}/a`, { seconds: 5, maxRedirects: 3 });
    expect(error).toMatchObject({
      reason: 'too-many-redirects',
      message: expect.stringMatching(/more than 3 redirects/),
    });
  });

  it('a redirect to another scheme is refused', async () => {
    const url = await serve((_req, res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end());
    expect(await failure(url, { seconds: 5 })).toMatchObject({ reason: 'invalid-url' });
  });

  it('a server that accepts but never answers times out waiting for headers', async () => {
    const url = await serveTcp(() => undefined);
    const error = await failure(url, { seconds: 5, readTimeoutMs: 300 });
    expect(error).toMatchObject({ reason: 'timeout', phase: 'headers' });
  });

  it('a stream that stops sending times out on the read', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.write(mp3.subarray(0, 8_000)); // then nothing
    });
    const error = await failure(url, { seconds: 5, readTimeoutMs: 400 });
    expect(error).toMatchObject({ reason: 'timeout', phase: 'read' });
  });

  it('a stream slower than real time hits the overall deadline', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      let at = 0;
      const drip = setInterval(() => {
        if (res.destroyed || at >= mp3.length) return clearInterval(drip);
        res.write(mp3.subarray(at, (at += 800))); // ~0.05 s of audio every 100 ms: half speed
      }, 100);
    });
    const error = await failure(url, { seconds: 3, timeoutMs: 1_500 });
    expect(error).toMatchObject({ reason: 'timeout', phase: 'total' });
    expect(error.message).toMatch(/longer than 1500 ms/);
  });

  it('a SHOUTcast v1 "ICY 200 OK" reply is not HTTP', async () => {
    const url = await serveTcp((socket) => socket.end('ICY 200 OK\r\ncontent-type: audio/mpeg\r\n\r\n'));
    expect(await failure(url, { seconds: 5 })).toMatchObject({ reason: 'protocol' });
  });

  it('credentials in the URL go as Basic auth to that origin only, never across a redirect', async () => {
    const seen: (string | undefined)[] = [];
    const other = await serve((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(mp3);
    });
    const first = await serve((req, res) => {
      seen.push(req.headers.authorization);
      if (req.url === '/private.mp3') res.writeHead(302, { location: '/moved.mp3' }).end();
      else res.writeHead(302, { location: `${other}/public.mp3` }).end();
    });
    const recording = await recordStream(`${first.replace('//', '//dj:s%40cret@')}/private.mp3`, {
      ...LOCAL,
      seconds: 1,
    });
    const basic = `Basic ${Buffer.from('dj:s@cret').toString('base64')}`;
    expect(seen).toEqual([basic, basic, undefined]);
    expect(recording.url).toBe(`${other}/public.mp3`);
  });

  it('a URL that is not http(s)', async () => {
    expect(await failure('ftp://example.org/live', { seconds: 5 })).toMatchObject({ reason: 'invalid-url' });
    expect(await failure('not a url', { seconds: 5 })).toMatchObject({ reason: 'invalid-url' });
  });
});
