// The catalogue and airplay routes over HTTP on Postgres: track facts with a
// checked, unique ISRC, paging, splits that must total 100 % (service and
// database), the uploader's default share, and the OpenAPI document the
// routes' schemas produce.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureStack, type SecureStack } from '../security/support/secure-stack';
import type { ApiClient } from '../security/support/api-client';

let stack: SecureStack;
let artist: ApiClient;
let publisherId: string;

beforeAll(async () => {
  stack = await startSecureStack();
  artist = await stack.account('artist', 'kofi');
  const publisher = await stack.account('publisher', 'pub');
  publisherId = ((await publisher.get('/api/auth/me')).body as { user: { id: string } }).user.id;
});
afterAll(async () => stack?.stop());

describe('tracks', () => {
  it('registers a track with its facts, normalising the ISRC; a bad or taken ISRC is refused by name', async () => {
    const created = await artist.post('/api/artist/tracks', {
      title: 'Azonto Nights',
      isrc: 'gh-k12-26-00001',
      album: 'Accra',
      genre: 'Highlife',
      releaseDate: '2026-11-01',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      isrc: 'GHK122600001',
      album: 'Accra',
      genre: 'Highlife',
      releaseDate: '2026-11-01',
      status: 'draft',
      failureReason: null,
      durationSeconds: null,
    });
    const id = (created.body as { id: string }).id;
    const read = await artist.get(`/api/artist/tracks/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, status: 'draft' });

    const bad = await artist.post('/api/artist/tracks', { title: 'x', isrc: 'GH-12' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/isrc/i);
    const taken = await artist.post('/api/artist/tracks', { title: 'Copy', isrc: 'GHK122600001' });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.body)).toMatch(/GHK122600001/);

    const renamed = await artist.request('PATCH', `/api/artist/tracks/${id}`, {
      body: { title: 'Azonto Nights (edit)' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: 'Azonto Nights (edit)', isrc: 'GHK122600001' });
  });

  it('pages the track list with a cursor', async () => {
    for (const title of ['P1', 'P2', 'P3']) await artist.post('/api/artist/tracks', { title });
    const first = (await artist.get('/api/artist/tracks?limit=2')).body as {
      items: { title: string }[];
      nextCursor: string;
    };
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = (
      await artist.get(`/api/artist/tracks?limit=50&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).body as { items: unknown[]; nextCursor: string | null };
    expect(rest.nextCursor).toBeNull();
    expect((await artist.get('/api/artist/tracks?cursor=garbage')).status).toBe(400);
  });

  it('gives the uploader 100 % and takes only splits that total exactly 100 %', async () => {
    const id = ((await artist.post('/api/artist/tracks', { title: 'Split me' })).body as { id: string }).id;
    const initial = (await artist.get(`/api/artist/tracks/${id}/splits`)).body as {
      current: { splits: { role: string; shareBp: number; name: string }[] };
    };
    expect(initial.current.splits).toEqual([
      expect.objectContaining({ role: 'artist', shareBp: 10_000, name: 'kofi' }),
    ]);

    const short = await artist.request('PUT', `/api/artist/tracks/${id}/splits`, {
      body: {
        splits: [
          { contributor: { name: 'Efua Producer' }, role: 'producer', shareBp: 4_000 },
          { contributor: { name: 'Yaw Writer' }, role: 'writer', shareBp: 5_000 },
        ],
      },
    });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toMatch(/90\.00 %.*exactly 100 %/);

    const set = await artist.request('PUT', `/api/artist/tracks/${id}/splits`, {
      body: {
        splits: [
          {
            contributor: { name: 'Efua Producer' },
            role: 'producer',
            shareBp: 4_000,
            publisherUserId: publisherId,
          },
          { contributor: { name: 'Yaw Writer' }, role: 'writer', shareBp: 6_000 },
        ],
      },
    });
    expect(set.status).toBe(200);
    const body = set.body as {
      current: { splits: { name: string; shareBp: number; publisherUserId: string | null }[] };
      history: unknown[];
    };
    expect(body.current.splits.map((s) => [s.name, s.shareBp])).toEqual([
      ['Yaw Writer', 6_000],
      ['Efua Producer', 4_000],
    ]);
    expect(body.current.splits.find((s) => s.name === 'Efua Producer')!.publisherUserId).toBe(publisherId);
    expect(body.history).toHaveLength(2);

    const notPublisher = await artist.request('PUT', `/api/artist/tracks/${id}/splits`, {
      body: {
        splits: [{ contributor: { name: 'Ama' }, role: 'mixer', shareBp: 10_000, publisherUserId: id }],
      },
    });
    expect(notPublisher.status).toBe(400);
    expect(JSON.stringify(notPublisher.body)).toMatch(/not a publisher account/);
  });
});

describe('OpenAPI', () => {
  it('serves the document built from the route schemas at /api/openapi.json', async () => {
    const response = await fetch(`${stack.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; tags?: string[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/artist/tracks/{id}',
      '/api/artist/tracks/{id}/splits',
      '/api/artist/plays',
      '/api/station/detections',
      '/api/station/plays',
      '/api/station/captures',
    ])
      expect(doc.paths, path).toHaveProperty([path]);
    expect(Object.keys(doc.paths['/api/station/captures']!.post!.responses)).toContain('202');
    expect(doc.paths['/api/artist/plays']!.get!.tags).toEqual(['artist']);
    expect(doc.paths).not.toHaveProperty(['/livez']);
    expect((await fetch(`${stack.url}/api/docs/`)).status).toBe(200);
  });
});
