// Accounts, stations, tracks and devices for the airplay tests, created as
// the bff creates them.
import { createAccountProvisioning, usersRepository } from '@zamio/accounts';
import { createTrackService, tracksRepository, type TrackStatus } from '@zamio/catalog';
import type { Database, Queryable } from '@zamio/db';
import type { UploadFolder } from '@zamio/domain-testing';
import type { UploadStorage } from '@zamio/files';
import type { InProcessQueue } from '@zamio/queue';
import { provisionStation, stationsRepository, type CaptureService } from '../src';

const uniqueEmail = (name: string) => `${name}-${Math.random().toString(36).slice(2)}@example.test`;

/** A station account with its station, created as the bff creates one. */
export async function stationAccount(
  db: Database,
  name: string,
): Promise<{ userId: string; stationId: string }> {
  const provisioning = createAccountProvisioning({ db, onAccountCreated: provisionStation });
  const email = uniqueEmail(name);
  await provisioning.ensureAccount({
    email,
    password: 'station password 123',
    displayName: name,
    role: 'station',
  });
  const userId = (await usersRepository.findByEmail(db, email))?.id;
  const stationId = userId && (await stationsRepository.findIdByOwner(db, userId));
  if (!userId || !stationId) throw new Error('no station account provisioned');
  return { userId, stationId };
}

export async function artistWithTrack(
  db: Queryable,
  title = 'Song',
): Promise<{ artistId: string; trackId: string }> {
  const artist = await usersRepository.insert(db, {
    email: uniqueEmail('artist'),
    displayName: 'Artist',
    role: 'artist',
    status: 'active',
    passwordHash: 'x',
  });
  const trackId = await tracksRepository.insert(db, artist.id, {
    title,
    isrc: null,
    album: null,
    genre: null,
    releaseDate: null,
  });
  return { artistId: artist.id, trackId };
}

export async function device(db: Queryable, stationId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO device_tokens (station_id, name, token_hash) VALUES ($1, 'studio', $2) RETURNING id",
    [stationId, `hash-${Math.random()}`],
  );
  return rows[0]!.id;
}

/**
 * An artist whose track's audio (a WAV) was uploaded through the track service; its
 * fingerprint job has run (the queue is idle), so `status` says how that went.
 */
export async function artistWithUploadedTrack(
  db: Database,
  { folder, storage, jobs }: { folder: UploadFolder; storage: UploadStorage; jobs: InProcessQueue },
  wav: Uint8Array,
  title: string,
): Promise<{ artistId: string; trackId: string; status: TrackStatus }> {
  const artist = await usersRepository.insert(db, {
    email: uniqueEmail('artist'),
    displayName: 'Ama',
    role: 'artist',
    status: 'active',
    passwordHash: 'x',
  });
  const tracks = createTrackService({ db, storage, jobs, findAccount: usersRepository.findById });
  const track = await tracks.registerTrack(artist.id, { title });
  await tracks.replaceTrackAudio(artist.id, track.id, async () => ({
    stored: await folder.storeBytes('track-audio', wav),
    fields: {},
    originalName: 'song.wav',
  }));
  await jobs.idle();
  const { status } = await tracks.getTrack(artist.id, track.id);
  return { artistId: artist.id, trackId: track.id, status };
}

/** A device posting a capture file as the capture route does. */
export function sendCapture(
  captures: CaptureService,
  folder: UploadFolder,
  source: { userId: string; stationId: string; deviceId: string },
  chunkId: string,
  bytes: Uint8Array,
  startedAt: Date,
) {
  return captures.receiveCapture(source, async () => ({
    stored: await folder.storeBytes('capture-audio', bytes),
    fields: { chunk_id: chunkId, started_at: startedAt.toISOString() },
    originalName: undefined,
  }));
}
