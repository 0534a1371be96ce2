// The world a royalty test needs, created through the other features'
// repositories as the bff creates it: accounts, stations with their class
// and zone, tracks with effective-dated splits, contributors, plays.
import { usersRepository, type Role } from '@zamio/accounts';
import { playsRepository, stationsRepository } from '@zamio/airplay';
import { contributorsRepository, splitsRepository, tracksRepository } from '@zamio/catalog';
import type { Queryable } from '@zamio/db';

export async function user(db: Queryable, role: Role, name: string = role): Promise<string> {
  const account = await usersRepository.insert(db, {
    email: `${name.replace(/\W/g, '')}-${Math.random().toString(36).slice(2)}@example.test`,
    displayName: name,
    role,
    status: 'active',
    passwordHash: 'x',
  });
  return account.id;
}

export async function station(
  db: Queryable,
  name: string,
  stationClass: 'class_a' | 'class_b' | 'class_c' | 'online' | 'community',
  timezone = 'Africa/Accra',
): Promise<{ userId: string; stationId: string }> {
  const userId = await user(db, 'station', name);
  const stationId = await stationsRepository.insert(db, { ownerUserId: userId, name });
  await stationsRepository.updateProfile(db, stationId, {
    name,
    stationClass,
    region: 'Greater Accra',
    timezone,
  });
  return { userId, stationId };
}

export async function track(db: Queryable, artistId: string, title: string, isrc: string | null = null) {
  return tracksRepository.insert(db, artistId, { title, isrc, album: null, genre: null, releaseDate: null });
}

/** A contributor for an account (userId) or an outside party named `name`. */
export async function contributor(
  db: Queryable,
  createdBy: string,
  who: { userId: string; name: string } | { name: string },
): Promise<string> {
  const row =
    'userId' in who
      ? await contributorsRepository.ensureForAccount(db, { userId: who.userId, name: who.name, createdBy })
      : await contributorsRepository.ensureOutsideParty(db, { name: who.name, createdBy });
  return row.id;
}

export async function splits(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  trackId: string,
  createdBy: string,
  effectiveFrom: Date,
  shares: { contributorId: string; shareBp: number }[],
): Promise<void> {
  await db.transaction((tx) =>
    splitsRepository.insertSet(tx, {
      trackId,
      effectiveFrom,
      createdBy,
      splits: shares.map((s) => ({ ...s, role: 'artist' as const, publisherUserId: null })),
    }),
  );
}

export async function play(
  db: Queryable,
  stationId: string,
  trackId: string,
  startedAt: Date,
  durationSeconds: number,
): Promise<string> {
  return playsRepository.insert(db, {
    stationId,
    trackId,
    startedAt,
    endedAt: new Date(startedAt.getTime() + durationSeconds * 1000),
    trackOffsetMs: 0,
    detectionCount: 3,
    confidence: 0.9,
  });
}
