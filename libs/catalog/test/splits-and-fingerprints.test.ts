// Splits and the fingerprint store on both databases: the database itself
// refuses a split set that does not total 100 %; the set in force at a time
// is the latest one effective by then; fingerprint replacements log their
// changes in generation order and withdrawn tracks are not matchable.
import { expect, it } from 'vitest';
import { describeOnBothDatabases } from '@zamio/domain-testing';
import { contributorsRepository, fingerprintsRepository, splitsRepository, tracksRepository } from '../src';
import { createTrack, createUploadRow, createUser } from './support';

describeOnBothDatabases('splits', (db) => {
  it('refuses, at commit, a split set whose shares do not total exactly 10000 bp', async () => {
    const artist = await createUser(db(), 'artist');
    const trackId = await createTrack(db(), artist);
    const me = await contributorsRepository.ensureForAccount(db(), {
      userId: artist,
      name: 'Me',
      createdBy: artist,
    });
    const writeSet = (shares: number[], parties: string[]) =>
      db().transaction(async (tx) => {
        const others = [];
        for (const name of parties)
          others.push(await contributorsRepository.ensureOutsideParty(tx, { name, createdBy: artist }));
        const ids = [me.id, ...others.map((c) => c.id)];
        return splitsRepository.insertSet(tx, {
          trackId,
          effectiveFrom: new Date(Date.now() + Math.random() * 1e9),
          createdBy: artist,
          splits: shares.map((shareBp, i) => ({
            contributorId: ids[i]!,
            role: i === 0 ? 'artist' : 'producer',
            shareBp,
            publisherUserId: null,
          })),
        });
      });
    await expect(writeSet([6000, 3000], ['Kofi'])).rejects.toThrow(/totals 9000 bp.*exactly 10000/);
    await expect(writeSet([6000, 5000], ['Kofi'])).rejects.toThrow(/totals 11000/);
    const id = await writeSet([6000, 4000], ['Kofi']);
    const sets = await splitsRepository.setsOfTracks(db(), [trackId]);
    expect(sets.get(trackId)?.map((s) => s.id)).toEqual([id]);
    // A set without shares is refused as well.
    await expect(
      db().transaction((tx) =>
        tx.query(
          'INSERT INTO track_split_sets (track_id, effective_from, created_by) VALUES ($1, now(), $2)',
          [trackId, artist],
        ),
      ),
    ).rejects.toThrow(/totals 0 bp/);
    // An outside party of the same name (any case) is the same contributor.
    const again = await contributorsRepository.ensureOutsideParty(db(), { name: 'KOFI', createdBy: artist });
    expect(sets.get(trackId)![0]!.splits.map((s) => s.contributorId)).toContain(again.id);
  });

  it('answers the set in force at a time: the latest effective by then', async () => {
    const artist = await createUser(db(), 'artist');
    const publisher = await createUser(db(), 'publisher');
    const trackId = await createTrack(db(), artist);
    const me = await contributorsRepository.ensureForAccount(db(), {
      userId: artist,
      name: 'Me',
      createdBy: artist,
    });
    const ama = await contributorsRepository.ensureOutsideParty(db(), {
      name: 'Ama',
      createdBy: artist,
      publisherUserId: publisher,
    });
    const jan = new Date('2026-01-01T00:00:00Z');
    const mar = new Date('2026-03-01T00:00:00Z');
    await db().transaction((tx) =>
      splitsRepository.insertSet(tx, {
        trackId,
        effectiveFrom: jan,
        createdBy: artist,
        splits: [{ contributorId: me.id, role: 'artist', shareBp: 10_000, publisherUserId: null }],
      }),
    );
    await db().transaction((tx) =>
      splitsRepository.insertSet(tx, {
        trackId,
        effectiveFrom: mar,
        createdBy: artist,
        splits: [
          { contributorId: me.id, role: 'artist', shareBp: 7_500, publisherUserId: null },
          { contributorId: ama.id, role: 'composer', shareBp: 2_500, publisherUserId: publisher },
        ],
      }),
    );
    expect(await splitsRepository.inForce(db(), trackId, new Date('2025-12-31T23:59:59Z'))).toBeUndefined();
    expect((await splitsRepository.inForce(db(), trackId, new Date('2026-02-15Z')))?.splits).toEqual([
      {
        contributorId: me.id,
        userId: artist,
        name: 'Me',
        role: 'artist',
        shareBp: 10_000,
        publisherUserId: null,
      },
    ]);
    const march = await splitsRepository.inForce(db(), trackId, mar);
    expect(march?.effectiveFrom).toEqual(mar);
    expect(march?.splits.map((s) => [s.name, s.shareBp, s.publisherUserId])).toEqual([
      ['Me', 7_500, null],
      ['Ama', 2_500, publisher],
    ]);
    await expect(
      db().transaction((tx) =>
        splitsRepository.insertSet(tx, {
          trackId,
          effectiveFrom: mar,
          createdBy: artist,
          splits: [{ contributorId: me.id, role: 'artist', shareBp: 10_000, publisherUserId: null }],
        }),
      ),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });
});

describeOnBothDatabases('fingerprint store', (db) => {
  const fingerprint = (trackId: string, uploadId: string, seed: number) => ({
    trackId,
    uploadId,
    paramsVersion: 2,
    hashes: Uint32Array.from([seed, seed + 1, 2 ** 31 - 1]),
    offsets: Uint32Array.from([0, 5, 9]),
    durationMs: 1_000,
  });

  it('replaces a track fingerprint with a new number and logs both changes in order', async () => {
    const artist = await createUser(db(), 'artist');
    const trackId = await createTrack(db(), artist);
    const upload = await createUploadRow(db(), artist);
    const start = await fingerprintsRepository.currentGeneration(db());
    const first = await db().transaction((tx) =>
      fingerprintsRepository.replace(tx, fingerprint(trackId, upload, 10)),
    );
    const second = await db().transaction((tx) =>
      fingerprintsRepository.replace(tx, fingerprint(trackId, upload, 20)),
    );
    expect(second).not.toBe(first);
    expect(await fingerprintsRepository.currentGeneration(db())).toBe(start + 3);
    expect(await fingerprintsRepository.changesSince(db(), start, 2, 100)).toEqual([
      { generation: start + 1, number: first, change: 'added' },
      { generation: start + 2, number: first, change: 'removed' },
      { generation: start + 3, number: second, change: 'added' },
    ]);
    expect(await fingerprintsRepository.changesSince(db(), start, 3, 100)).toEqual([]);
    const [stored] = await fingerprintsRepository.matchableByNumbers(db(), 2, [first, second]);
    expect(stored).toEqual({
      number: second,
      trackId,
      hashes: Uint32Array.from([20, 21, 2 ** 31 - 1]),
      offsets: Uint32Array.from([0, 5, 9]),
    });
  });

  it('leaves withdrawn tracks out of what matchers load, and logs their removal and return', async () => {
    const artist = await createUser(db(), 'artist');
    const [kept, withdrawn] = [
      await createTrack(db(), artist, 'Kept'),
      await createTrack(db(), artist, 'Gone'),
    ];
    const upload = await createUploadRow(db(), artist);
    const keptNumber = await fingerprintsRepository.replace(db(), fingerprint(kept, upload, 1));
    const goneNumber = await fingerprintsRepository.replace(db(), fingerprint(withdrawn, upload, 2));
    const before = await fingerprintsRepository.currentGeneration(db());
    await db().transaction(async (tx) => {
      await tracksRepository.setWithdrawn(tx, artist, withdrawn, true);
      await fingerprintsRepository.logTrackVisibility(tx, withdrawn, false);
    });
    const batch = await fingerprintsRepository.matchableBatch(db(), 2, 0, 1_000);
    expect(batch.map((f) => f.number)).toContain(keptNumber);
    expect(batch.map((f) => f.number)).not.toContain(goneNumber);
    await db().transaction(async (tx) => {
      await tracksRepository.setWithdrawn(tx, artist, withdrawn, false);
      await fingerprintsRepository.logTrackVisibility(tx, withdrawn, true);
    });
    expect((await fingerprintsRepository.changesSince(db(), before, 2, 10)).map((c) => c.change)).toEqual([
      'removed',
      'added',
    ]);
    expect(await fingerprintsRepository.removeOfTrack(db(), kept)).toBe(1);
    expect(await fingerprintsRepository.matchableByNumbers(db(), 2, [keptNumber])).toEqual([]);
    expect(await fingerprintsRepository.storeSize(db(), 2)).toMatchObject({ postings: expect.any(Number) });
  });

  it('lists tracks whose current audio has no fingerprint of the running version', async () => {
    const artist = await createUser(db(), 'artist');
    const trackId = await createTrack(db(), artist, 'New');
    const upload = await createUploadRow(db(), artist);
    await tracksRepository.setAudio(db(), artist, trackId, upload);
    await fingerprintsRepository.replace(db(), { ...fingerprint(trackId, upload, 3), paramsVersion: 1 });
    const todo = await tracksRepository.needingFingerprint(db(), 2, 1_000);
    expect(todo).toContainEqual({ trackId, uploadId: upload });
  });
});
