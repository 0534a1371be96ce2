// The airplay chain driven through the API as the portals and a capture
// device drive it: the demo artist uploads a track and waits for it to be
// ready; the demo station issues a device token; the device posts three
// consecutive degraded 10 s captures of the track and one of unrelated
// audio; then the station's and the artist's lists are read back. The same
// steps run against the production-shaped stack and the embedded one.
import { expect } from 'vitest';
import { createAirplayAudio } from './airplay-audio';
import { ApiSession } from './api-session';

const DEMO_PASSWORD = 'zamio-demo-password';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface CaptureBody {
  id: string;
  chunkId: string;
  status: string;
  deadReason: string | null;
  result: { trackId: string; offsetSeconds: number; confidence: number; detectionId: string } | null;
}
interface PlayBody {
  id: string;
  trackId: string;
  stationId: string;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  offsetSeconds: number;
  detectionIds: string[];
  status: string;
}

export interface ChainResult {
  artistId: string;
  stationId: string;
  trackId: string;
  play: PlayBody;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface ChainOptions {
  /** Where the station and its capture device reach the API (default: `baseUrl`). */
  stationUrl?: string;
  /** Accounts to sign in with (default: the seeded demo artist and station). */
  artist?: Credentials;
  station?: Credentials;
  /** Runs once the track is ready, before any capture is posted (e.g. opens the artist's socket). */
  beforeCaptures?: (artist: ApiSession, trackId: string) => Promise<void>;
}

export async function runAirplayChain(baseUrl: string, options: ChainOptions = {}): Promise<ChainResult> {
  const audio = await createAirplayAudio();
  const stationUrl = options.stationUrl ?? baseUrl;
  try {
    const artist = new ApiSession(baseUrl);
    const artistId = await artist.login(
      options.artist?.email ?? 'artist@demo.zamio.local',
      options.artist?.password ?? DEMO_PASSWORD,
    );
    const created = await artist.request('POST', '/api/artist/tracks', {
      title: 'Chain Test Highlife',
      genre: 'Highlife',
    });
    expect(created.status).toBe(201);
    const trackId = (created.body as { id: string }).id;
    const form = new FormData();
    form.append('file', new Blob([audio.trackWav], { type: 'audio/wav' }), 'master.wav');
    const uploaded = await artist.request('PUT', `/api/artist/tracks/${trackId}/audio`, form);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    expect((uploaded.body as { status: string }).status).toBe('uploaded');
    await expect
      .poll(async () => (await artist.get<{ status: string }>(`/api/artist/tracks/${trackId}`)).status, {
        timeout: 90_000,
        interval: 250,
      })
      .toBe('ready');
    expect(await artist.get(`/api/artist/tracks/${trackId}`)).toMatchObject({
      durationSeconds: 75,
      failureReason: null,
    });

    await options.beforeCaptures?.(artist, trackId);

    const station = new ApiSession(stationUrl);
    await station.login(
      options.station?.email ?? 'station@demo.zamio.local',
      options.station?.password ?? DEMO_PASSWORD,
    );
    const issued = await station.request('POST', '/api/station/devices', { name: `chain-${Date.now()}` });
    expect(issued.status).toBe(201);
    const token = (issued.body as { token: string }).token;
    const device = new ApiSession(stationUrl);
    // Whole seconds, a day ago at a random minute: each run's plays are its own.
    const t0 = (Math.floor(Date.now() / 60_000) - 1440 - Math.floor(Math.random() * 10_000)) * 60_000;
    const post = async (chunkId: string, bytes: Uint8Array<ArrayBuffer>, startedAtMs: number) => {
      const body = new FormData();
      body.append('chunk_id', chunkId);
      body.append('started_at', new Date(startedAtMs).toISOString());
      body.append('duration', '10');
      body.append('file', new Blob([bytes], { type: 'audio/mpeg' }), `${chunkId}.mp3`);
      return device.request('POST', '/api/station/captures', body, { authorization: `Bearer ${token}` });
    };
    const chunk = (i: number) => `chain-${t0}-${i}`;
    const sent = [];
    for (const [i, from] of [
      [1, 20],
      [2, 30],
      [3, 40],
    ] as const) {
      const answer = await post(chunk(i), await audio.capture(from), t0 + (i - 1) * 10_000);
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
      expect(answer.body).toMatchObject({ chunkId: chunk(i), status: 'pending' });
      sent.push((answer.body as CaptureBody).id);
    }
    const stranger = await post(chunk(9), await audio.unrelated(), t0 + 40_000);
    expect(stranger.status).toBe(202);

    const captures = async () =>
      (await station.get<Page<CaptureBody>>('/api/station/captures?limit=200')).items.filter((c) =>
        c.chunkId.startsWith(`chain-${t0}-`),
      );
    await expect
      .poll(async () => (await captures()).filter((c) => c.status !== 'pending').length, {
        timeout: 90_000,
        interval: 250,
      })
      .toBe(4);
    const byChunk = new Map((await captures()).map((c) => [c.chunkId, c]));
    for (const [i, from] of [
      [1, 20],
      [2, 30],
      [3, 40],
    ] as const) {
      const capture = byChunk.get(chunk(i))!;
      expect(capture, chunk(i)).toMatchObject({ status: 'matched', result: { trackId } });
      expect(Math.abs(capture.result!.offsetSeconds - from)).toBeLessThan(0.5);
    }
    expect(byChunk.get(chunk(9))).toMatchObject({ status: 'unmatched', result: null });

    const stationPlays = (await station.get<Page<PlayBody>>(`/api/station/plays?track=${trackId}`)).items;
    expect(stationPlays).toHaveLength(1);
    const play = stationPlays[0]!;
    expect(play.status).toBe('active');
    expect(Math.abs(play.durationSeconds - 30)).toBeLessThan(1);
    expect(Math.abs(play.offsetSeconds - 20)).toBeLessThan(0.5);
    expect(play.startedAt).toBe(new Date(t0).toISOString());
    const detectionIds = [1, 2, 3].map((i) => byChunk.get(chunk(i))!.result!.detectionId);
    expect([...play.detectionIds].sort()).toEqual([...detectionIds].sort());
    const detections = (
      await station.get<Page<{ id: string; playId: string }>>(`/api/station/detections?track=${trackId}`)
    ).items;
    expect(detections.map((d) => d.playId)).toEqual([play.id, play.id, play.id]);
    const artistPlays = (await artist.get<Page<PlayBody>>(`/api/artist/plays?track=${trackId}`)).items;
    expect(artistPlays.map((p) => p.id)).toEqual([play.id]);

    // The same chunk again: the same capture and result, nothing new.
    const repeat = await post(chunk(2), await audio.capture(30), t0 + 10_000);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ id: sent[1], status: 'matched', result: { trackId } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await captures()).length).toBe(4);
    expect((await station.get<Page<PlayBody>>(`/api/station/plays?track=${trackId}`)).items).toEqual([play]);
    return { artistId, stationId: play.stationId, trackId, play };
  } finally {
    await audio.remove();
  }
}
