// Accounts and tracks for the catalogue's tests.
import { usersRepository, type Role } from '@zamio/accounts';
import type { Queryable } from '@zamio/db';
import { uploadsRepository } from '@zamio/files';
import { tracksRepository } from '../src';

export async function createUser(db: Queryable, role: Role, name: string = role): Promise<string> {
  const account = await usersRepository.insert(db, {
    email: `${name}-${Math.random().toString(36).slice(2)}@example.test`,
    displayName: name,
    role,
    status: 'active',
    passwordHash: 'x',
  });
  return account.id;
}

export const details = (title: string, isrc: string | null = null) => ({
  title,
  isrc,
  album: null,
  genre: null,
  releaseDate: null,
});

export const createTrack = (db: Queryable, artistId: string, title = 'Song', isrc: string | null = null) =>
  tracksRepository.insert(db, artistId, details(title, isrc));

/** An uploads row (no file) for tests that need an upload id. */
export async function createUploadRow(db: Queryable, ownerId: string): Promise<string> {
  const upload = await uploadsRepository.insert(
    db,
    {
      kind: 'track-audio',
      storageName: `track-audio/${Math.random().toString(16).slice(2)}.wav`,
      sizeBytes: 10,
      sha256: '0'.repeat(64),
      mimeType: 'audio/wav',
      audio: undefined,
    },
    { userId: ownerId },
    undefined,
  );
  return upload.id;
}
