// Resumable track audio (tus 1.0) against the real bff, Postgres and Redis:
// create, PATCH in parts, a part cut off mid-way, HEAD for the offset,
// resume on another bff process (shared staging directory, Redis lock),
// finish → the track `uploaded` with its fingerprint job queued; and the
// refusals: another artist's upload or track (404), over the limit (413 naming
// it), no Upload-Length (400), a wrong offset (409), not audio (415, nothing
// stored, the staged file gone); and expiry: a late PATCH refused, the sweep
// removing the files.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureStack, type SecureStack } from './support/secure-stack';
import { ApiClient } from './support/api-client';
import { wavFile, windowsExecutable } from './support/audio-fixtures';

let stack: SecureStack;
let artist: ApiClient;
let intruder: ApiClient;
let redis: Redis;

const LIMIT = 2 * 1024 * 1024;
const TUS = { 'tus-resumable': '1.0.0' };

beforeAll(async () => {
  stack = await startSecureStack({ UPLOAD_MAX_TRACK_AUDIO: String(LIMIT), RATE_LIMIT_UPLOAD_MAX: '1000' });
  [artist, intruder] = await Promise.all([stack.account('artist', 'tus'), stack.account('artist', 'other')]);
  redis = new Redis(stack.redis.url);
});
afterAll(async () => {
  redis?.disconnect();
  await stack?.stop();
});

const newTrack = async (client = artist) =>
  ((await client.post('/api/artist/tracks', { title: 'Resumable' })).body as { id: string }).id;

const uploadsOf = (trackId: string) => `/api/artist/tracks/${trackId}/audio/uploads`;

async function create(trackId: string, size: number, client = artist, extra: Record<string, string> = {}) {
  return client.request('POST', uploadsOf(trackId), {
    headers: {
      ...TUS,
      'upload-length': String(size),
      'upload-metadata': `filename ${Buffer.from('song.wav').toString('base64')}`,
      ...extra,
    },
  });
}

const patch = (client: ApiClient, location: string, offset: number, bytes: Buffer) =>
  client.request('PATCH', location, {
    headers: {
      ...TUS,
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    },
    raw: new Uint8Array(bytes),
  });

const head = (client: ApiClient, location: string) => client.request('HEAD', location, { headers: TUS });

/** The same signed-in browser talking to another bff process. */
function sameSessionOn(url: string, client: ApiClient): ApiClient {
  const other = new ApiClient(url, url);
  for (const [name, value] of client.cookies) other.cookies.set(name, value);
  other.csrfToken = client.csrfToken;
  return other;
}

/** Sends the head of a part, then drops the connection: a network failure mid-PATCH. */
function cutOffPatch(url: string, client: ApiClient, offset: number, part: Buffer, sent: number) {
  return new Promise<void>((resolve) => {
    const req = httpRequest(url, {
      method: 'PATCH',
      headers: {
        ...TUS,
        origin: client.origin!,
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': client.csrfToken!,
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(part.length),
      },
    });
    req.on('error', () => resolve());
    req.write(part.subarray(0, sent), () => setTimeout(() => (req.destroy(), resolve()), 200));
  });
}

async function stagedFiles(): Promise<string[]> {
  return readdir(join(stack.uploadDir, '.partial')).catch(() => []);
}

async function fingerprintJobsFor(trackId: string): Promise<number> {
  const keys = await redis.keys(`${stack.redis.prefix}:bull:fingerprint:*`);
  let found = 0;
  for (const key of keys) {
    if ((await redis.type(key)) !== 'hash') continue;
    const data = await redis.hget(key, 'data');
    if (data?.includes(trackId)) found += 1;
  }
  return found;
}

const until = async (check: () => Promise<boolean>, ms = 5_000) => {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('resumable track audio (tus)', () => {
  it('takes a file in parts across bff processes, survives a cut-off part and finishes like PUT …/audio', async () => {
    const trackId = await newTrack();
    const wav = wavFile(40); // 640 kB
    const created = await create(trackId, wav.length);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${uploadsOf(trackId)}/[0-9a-f]{32}$`));
    expect(created.headers.get('tus-resumable')).toBe('1.0.0');

    const first = await patch(artist, location, 0, wav.subarray(0, 200_000));
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe('200000');

    // The next part dies after 50 kB; the server keeps what arrived.
    await cutOffPatch(`${stack.url}${location}`, artist, 200_000, wav.subarray(200_000, 400_000), 50_000);

    // A second bff process answers the HEAD and takes the rest (shared directory, Redis lock).
    const other = sameSessionOn((await stack.another()).url, artist);
    let offset = 0;
    await until(async () => {
      const state = await head(other, location);
      offset = Number(state.headers.get('upload-offset'));
      return state.status === 200 && offset >= 200_000;
    });
    const state = await head(other, location);
    expect(state.status).toBe(200);
    expect(state.headers.get('upload-length')).toBe(String(wav.length));
    // What arrived before the cut is kept (not the whole part, not nothing).
    expect(offset).toBeGreaterThan(200_000);
    expect(offset).toBeLessThan(400_000);

    const middle = await patch(other, location, offset, wav.subarray(offset, 500_000));
    expect(middle.status, JSON.stringify(middle.body)).toBe(204);
    const last = await patch(artist, location, 500_000, wav.subarray(500_000));
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    const track = last.body as { id: string; status: string; audio: { sha256: string; sizeBytes: number } };
    expect(track).toMatchObject({ id: trackId, status: 'uploaded', audio: { sizeBytes: wav.length } });
    expect(track.audio.sha256).toBe(createHash('sha256').update(wav).digest('hex'));

    expect(await fingerprintJobsFor(trackId)).toBe(1);
    const again = await artist.get(`/api/artist/tracks/${trackId}`);
    expect((again.body as { audio: { sha256: string } }).audio.sha256).toBe(track.audio.sha256);
    // The staged copy is gone; the upload no longer exists.
    expect((await stagedFiles()).some((name) => location.endsWith(name))).toBe(false);
    expect((await head(artist, location)).status).toBe(404);
  });

  it('answers 404 for another artist’s upload and refuses uploads for another artist’s track', async () => {
    const trackId = await newTrack();
    const created = await create(trackId, 100_000);
    const location = created.headers.get('location')!;
    expect((await head(intruder, location)).status).toBe(404);
    expect((await patch(intruder, location, 0, Buffer.alloc(10))).status).toBe(404);
    expect((await intruder.request('DELETE', location, { headers: TUS })).status).toBe(404);
    // The same upload id under the intruder's own track is still not theirs.
    const theirs = await newTrack(intruder);
    const borrowed = location.replace(trackId, theirs);
    expect((await head(intruder, borrowed)).status).toBe(404);
    // Nor can the owner move it to another of their tracks.
    const mine = await newTrack();
    expect((await head(artist, location.replace(trackId, mine))).status).toBe(404);
    expect((await create(trackId, 100_000, intruder)).status).toBe(404);
    // Still intact for its owner.
    expect((await head(artist, location)).headers.get('upload-offset')).toBe('0');
  });

  it('requires Upload-Length and refuses a file over the track-audio limit with 413 naming the limit', async () => {
    const trackId = await newTrack();
    const missing = await artist.request('POST', uploadsOf(trackId), { headers: TUS });
    expect(missing.status).toBe(400);
    expect((missing.body as { message: string }).message).toMatch(/Upload-Length is required/);
    const deferred = await artist.request('POST', uploadsOf(trackId), {
      headers: { ...TUS, 'upload-defer-length': '1' },
    });
    expect(deferred.status).toBe(400);
    const tooLarge = await create(trackId, LIMIT + 1);
    expect(tooLarge.status).toBe(413);
    expect((tooLarge.body as { message: string }).message).toContain(`limit of ${LIMIT} bytes`);
    // A part that runs past the declared length is cut off, never stored past it.
    const created = await create(trackId, 1_000);
    const location = created.headers.get('location')!;
    const over = await patch(artist, location, 0, Buffer.alloc(2_000, 1));
    expect(over.status).toBe(413);
    expect(Number((await head(artist, location)).headers.get('upload-offset'))).toBeLessThanOrEqual(1_000);
  });

  it('answers 409 for a PATCH at the wrong offset and keeps the bytes it has', async () => {
    const trackId = await newTrack();
    const wav = wavFile(2);
    const location = (await create(trackId, wav.length)).headers.get('location')!;
    expect((await patch(artist, location, 0, wav.subarray(0, 10_000))).status).toBe(204);
    const conflict = await patch(artist, location, 5_000, wav.subarray(5_000));
    expect(conflict.status).toBe(409);
    expect((conflict.body as { message: string }).message).toMatch(/Upload-Offset/);
    expect((await head(artist, location)).headers.get('upload-offset')).toBe('10000');
  });

  it('rejects a finished file that is not audio with 415 like PUT …/audio: nothing stored, staging cleared', async () => {
    const trackId = await newTrack();
    const exe = windowsExecutable(50_000);
    const storedBefore = await readdir(join(stack.uploadDir, 'track-audio')).catch(() => []);
    const location = (await create(trackId, exe.length)).headers.get('location')!;
    expect((await patch(artist, location, 0, exe.subarray(0, 20_000))).status).toBe(204);
    const last = await patch(artist, location, 20_000, exe.subarray(20_000));
    expect(last.status).toBe(415);
    expect((last.body as { message: string }).message).toMatch(/type|allowed/i);
    const track = await artist.get(`/api/artist/tracks/${trackId}`);
    expect((track.body as { audio: unknown }).audio ?? null).toBeNull();
    expect(await readdir(join(stack.uploadDir, 'track-audio')).catch(() => [])).toEqual(storedBefore);
    expect((await stagedFiles()).some((name) => location.endsWith(name.replace('.json', '')))).toBe(false);
    expect((await head(artist, location)).status).toBe(404);
    expect(await fingerprintJobsFor(trackId)).toBe(0);
  });

  it('lets the owner abandon an upload (DELETE) and needs the CSRF token to change one', async () => {
    const trackId = await newTrack();
    const location = (await create(trackId, 10_000)).headers.get('location')!;
    const forged = await artist.request('DELETE', location, { headers: TUS, csrf: false });
    expect(forged.status).toBe(403);
    expect((await artist.request('DELETE', location, { headers: TUS })).status).toBe(204);
    expect((await head(artist, location)).status).toBe(404);
  });

  it('locks each upload in Redis: a request waits for another process’s lock and asks it to let go', async () => {
    const trackId = await newTrack();
    const location = (await create(trackId, 10_000)).headers.get('location')!;
    const id = location.split('/').pop()!;
    const subscriber = new Redis(stack.redis.url);
    const asked: string[] = [];
    await subscriber.subscribe(`${stack.redis.prefix}:tus-release:${id}`);
    subscriber.on('message', (channel) => asked.push(channel));
    try {
      // Another process holds the lock for 800 ms (it never answers the release request).
      await redis.set(`${stack.redis.prefix}:tus-lock:${id}`, 'elsewhere', 'PX', 800);
      const started = Date.now();
      const state = await head(artist, location);
      expect(state.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      expect(asked.length).toBeGreaterThan(0);
      expect(await redis.exists(`${stack.redis.prefix}:tus-lock:${id}`)).toBe(0);
    } finally {
      subscriber.disconnect();
    }
  });

  it('logged no errors: a cut-off part and refusals are the client’s business, not failures', () => {
    expect(stack.logs.lines().filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);
  });
});

describe('partial uploads past UPLOAD_PARTIAL_EXPIRY', () => {
  let short: SecureStack;
  let owner: ApiClient;
  beforeAll(async () => {
    short = await startSecureStack({ UPLOAD_PARTIAL_EXPIRY: '1s' });
    owner = await short.account('artist', 'expiry');
  });
  afterAll(async () => short?.stop());

  it('refuses to continue them (410) and the bff’s sweep removes their files', async () => {
    const trackId = ((await owner.post('/api/artist/tracks', { title: 'Abandoned' })).body as { id: string })
      .id;
    const created = await create(trackId, 50_000, owner);
    const location = created.headers.get('location')!;
    const id = location.split('/').pop()!;
    expect((await patch(owner, location, 0, Buffer.alloc(10_000, 1))).status).toBe(204);
    const partial = join(short.uploadDir, '.partial');
    expect((await readdir(partial)).sort()).toEqual([id, `${id}.json`]);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const late = await patch(owner, location, 10_000, Buffer.alloc(10_000, 1));
    expect([410, 404]).toContain(late.status);
    // The sweep runs every quarter of the expiry here.
    await until(async () => (await readdir(partial)).length === 0);
    expect(await readdir(partial)).toEqual([]);
    expect(short.logs.lines().some((line) => line.msg === 'expired partial uploads removed')).toBe(true);
  });
});
