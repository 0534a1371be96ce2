// The track service and repository on both databases: create with its
// read-back in one transaction, ownership as "not found", audio replaced
// atomically with the stored file removed when that fails.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { usersRepository } from '@zamio/accounts';
import { localUploadStorage } from '@zamio/files';
import { createUploadFolder, describeOnBothDatabases, type UploadFolder } from '@zamio/domain-testing';
import { createInProcessQueue, type JobData } from '@zamio/queue';
import { createTrackService, tracksRepository } from '../src';

let folder: UploadFolder;
beforeAll(async () => {
  folder = await createUploadFolder();
});
afterAll(() => folder.remove());

describeOnBothDatabases('tracks', (db) => {
  const queued: JobData<'catalog.fingerprint-track'>[] = [];
  const jobs = createInProcessQueue();
  jobs.consume({ 'catalog.fingerprint-track': async (data) => void queued.push(data) });
  const service = () =>
    createTrackService({
      db: db(),
      storage: localUploadStorage(folder.dir),
      jobs,
      findAccount: usersRepository.findById,
    });
  const artist = (name: string) =>
    usersRepository.insert(db(), {
      email: `${name}-${Math.random().toString(36).slice(2)}@example.test`,
      displayName: name,
      role: 'artist',
      status: 'active',
      passwordHash: 'x',
    });

  it('registers a track and answers it as read back in the same transaction', async () => {
    const ada = await artist('ada');
    const track = await service().registerTrack(ada.id, { title: 'Highlife', isrc: 'gh-a01-24-00001' });
    expect(track).toMatchObject({ title: 'Highlife', isrc: 'GHA012400001', audio: null, status: 'draft' });
    expect(track.createdAt).toBeInstanceOf(Date);
    expect(await service().getTrack(ada.id, track.id)).toEqual(track);
  });

  it("answers another artist's track as not found and lists only one's own, newest first", async () => {
    const [ada, bob] = [await artist('ada'), await artist('bob')];
    const first = await service().registerTrack(ada.id, { title: 'One' });
    const second = await service().registerTrack(ada.id, { title: 'Two' });
    await service().registerTrack(bob.id, { title: 'Other' });
    await expect(service().getTrack(bob.id, first.id)).rejects.toMatchObject({ kind: 'not-found' });
    const listed = (await service().listTracks(ada.id, { limit: 10 })).items.map((t) => t.title);
    expect(listed.sort()).toEqual(['One', 'Two']);
    const page = { limit: 1, sort: 'createdAt', order: 'desc' } as const;
    const firstPage = await tracksRepository.listOwned(db(), ada.id, {}, page);
    expect(firstPage.items).toHaveLength(1);
    const secondPage = await tracksRepository.listOwned(
      db(),
      ada.id,
      {},
      {
        ...page,
        cursor: firstPage.nextCursor!,
      },
    );
    expect([...firstPage.items, ...secondPage.items].map((t) => t.title).sort()).toEqual(['One', 'Two']);
    expect(secondPage.nextCursor).toBeNull();
    expect(await tracksRepository.setAudio(db(), bob.id, second.id, first.id)).toBe(false);
  });

  it('gives a track its audio, and checks ownership before reading any byte', async () => {
    const [ada, bob] = [await artist('ada'), await artist('bob')];
    const track = await service().registerTrack(ada.id, { title: 'With audio' });
    const stored = await folder.store('track-audio');
    const updated = await service().replaceTrackAudio(ada.id, track.id, async () => ({
      stored,
      fields: {},
      originalName: 'song.wav',
    }));
    expect(updated.audio).toMatchObject({
      kind: 'track-audio',
      sizeBytes: stored.sizeBytes,
      durationMs: 10_000,
    });
    expect(updated.status).toBe('uploaded');
    expect(folder.exists(stored)).toBe(true);
    await jobs.idle();
    expect(queued).toContainEqual(
      expect.objectContaining({ trackId: track.id, uploadId: updated.audio!.id }),
    );

    let received = false;
    await expect(
      service().replaceTrackAudio(bob.id, track.id, async () => {
        received = true;
        return { stored: await folder.store('track-audio'), fields: {}, originalName: undefined };
      }),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(received).toBe(false);
  });

  it('removes the stored file when recording the audio fails', async () => {
    const ada = await artist('ada');
    const track = await service().registerTrack(ada.id, { title: 'Doomed' });
    const stored = await folder.store('track-audio');
    // The uploads table's CHECK on kind refuses the row, as any failed insert would.
    const broken = { ...stored, kind: 'not-a-kind' as never };
    await expect(
      service().replaceTrackAudio(ada.id, track.id, async () => ({
        stored: broken,
        fields: {},
        originalName: undefined,
      })),
    ).rejects.toThrow();
    expect(folder.exists(stored)).toBe(false);
    expect((await service().getTrack(ada.id, track.id)).audio).toBeNull();
  });
});
