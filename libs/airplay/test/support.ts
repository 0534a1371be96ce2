// Accounts, stations, tracks and devices for the airplay tests, created as
// the bff creates them.
import { createAccountProvisioning, usersRepository } from '@zamio/accounts';
import { tracksRepository } from '@zamio/catalog';
import type { Database, Queryable } from '@zamio/db';
import { provisionStation, stationsRepository } from '../src';

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
