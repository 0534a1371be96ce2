// The uploads repository on both databases, and removing a stored file when
// the work that should keep it fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepository } from '@zamio/accounts';
import { createUploadFolder, describeOnBothDatabases, type UploadFolder } from '@zamio/domain-testing';
import { createDocumentService, discardOnFailure, localUploadStorage, uploadsRepository } from '../src';

let folder: UploadFolder;
beforeAll(async () => {
  folder = await createUploadFolder();
});
afterAll(() => folder.remove());

const newOwner = async (db: Parameters<typeof usersRepository.insert>[0]) =>
  usersRepository.insert(db, {
    email: `owner-${Math.random().toString(36).slice(2)}@example.test`,
    displayName: 'Owner',
    role: 'artist',
    status: 'active',
    passwordHash: 'x',
  });

describeOnBothDatabases('uploads repository', (db) => {
  it('records a stored file and reads it back through a join', async () => {
    const owner = await newOwner(db());
    const stored = await folder.store('track-audio');
    const upload = await uploadsRepository.insert(db(), stored, { userId: owner.id }, 'song.wav');
    expect(upload).toEqual({
      id: expect.any(String),
      kind: 'track-audio',
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      mimeType: 'audio/wav',
      durationMs: 10_000,
      sampleRate: 44_100,
    });
    const { rows } = await db().query<Parameters<typeof uploadsRepository.fromJoin>[0]>(
      `SELECT ${uploadsRepository.UPLOAD_JOIN_COLUMNS} FROM uploads u WHERE u.id = $1`,
      [upload.id],
    );
    expect(uploadsRepository.fromJoin(rows[0]!)).toEqual(upload);
    expect(uploadsRepository.fromJoin({ upload_id: null })).toBeNull();
  });

  it('keeps an attached document, and removes the file when recording it fails', async () => {
    const owner = await newOwner(db());
    const documents = createDocumentService({ db: db(), storage: localUploadStorage(folder.dir) });
    const kept = await folder.store('document');
    const record = await documents.attachDocument({ userId: owner.id }, async () => ({
      stored: kept,
      fields: {},
      originalName: 'licence.pdf',
    }));
    expect(record.kind).toBe('document');
    expect(folder.exists(kept)).toBe(true);

    const orphan = await folder.store('document');
    const unknownOwner = { userId: '00000000-0000-4000-8000-000000000000' };
    await expect(
      documents.attachDocument(unknownOwner, async () => ({
        stored: orphan,
        fields: {},
        originalName: undefined,
      })),
    ).rejects.toThrow();
    expect(folder.exists(orphan)).toBe(false);
  });
});

describe('discardOnFailure', () => {
  it('passes a result through and leaves the file', async () => {
    const stored = await folder.store('capture-audio');
    expect(await discardOnFailure(localUploadStorage(folder.dir), stored, async () => 42)).toBe(42);
    expect(folder.exists(stored)).toBe(true);
  });

  it('removes the file and rethrows the error', async () => {
    const stored = await folder.store('capture-audio');
    const failure = new Error('insert failed');
    await expect(
      discardOnFailure(localUploadStorage(folder.dir), stored, async () => Promise.reject(failure)),
    ).rejects.toBe(failure);
    expect(folder.exists(stored)).toBe(false);
  });
});
