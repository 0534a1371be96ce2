// Calculating a cycle on both databases: the worked example from the issue,
// shares with an outside party and a publisher, idempotent re-runs, the
// database refusing edits of the ledger and of a used rate version, lock,
// and a correction booked in a later cycle.
import { expect, it } from 'vitest';
import { playsRepository } from '@zamio/airplay';
import { describeOnBothDatabases } from '@zamio/domain-testing';
import {
  createCycleService,
  createRateTableService,
  ledgerRepository,
  pricingRepository,
  publisherRelationshipsRepository,
} from '../src';
import { contributor, play, splits, station, track, user } from './support';

describeOnBothDatabases('cycle calculation', (db) => {
  const service = () => createCycleService({ db: db(), jobs: { enqueue: async () => 'job' }, chunkSize: 2 });

  it('prices 210 s on class_a at 07:30 Africa/Accra as 4.725 GHS, rounded half-even to 4.72', async () => {
    const admin = await user(db(), 'admin');
    const fm = await station(db(), 'Joy FM', 'class_a', 'Africa/Accra');
    const artist = await user(db(), 'artist', 'Ama');
    const song = await track(db(), artist, 'Highlife Morning');
    const playId = await play(db(), fm.stationId, song, new Date('2026-01-05T07:30:00Z'), 210);
    const cycles = service();
    const cycle = await cycles.openCycle(
      { name: 'Jan 2026 A', periodStart: '2026-01-01', periodEnd: '2026-01-06' },
      admin,
    );
    const result = await cycles.calculateCycle(cycle.id);
    expect(result).toMatchObject({
      pricedPlays: 1,
      cycle: { status: 'calculated', progressDone: 1, progressTotal: 1 },
    });
    const [priced] = await pricingRepository.ofPlay(db(), playId);
    // Exact: 4 725 000 micro-GHS = 4.725 GHS = 472.5 pesewas, a tie: half-even gives 472.
    expect(priced).toMatchObject({ amountMicro: '4725000.0000000', amountMinor: 472, kind: 'original' });
    const entries = await ledgerRepository.ofPlay(db(), playId);
    expect(entries.map((e) => [e.accountKind, e.amountMinor])).toEqual([
      ['station', -472],
      ['user', 472],
    ]);
    expect(entries[1]!.accountId).toBe(artist);
  });

  it('splits by the shares in force, pays a signed contributor through the publisher, and is idempotent', async () => {
    const admin = await user(db(), 'admin');
    const fm = await station(db(), 'Peace FM', 'class_b');
    const artist = await user(db(), 'artist', 'Kofi');
    const writer = await user(db(), 'artist', 'Esi');
    const publisher = await user(db(), 'publisher', 'Gold Publishing');
    const song = await track(db(), artist, 'Adowa');
    const kofi = await contributor(db(), artist, { userId: artist, name: 'Kofi' });
    const esi = await contributor(db(), artist, { userId: writer, name: 'Esi' });
    const band = await contributor(db(), artist, { name: 'The Band' });
    await splits(db(), song, artist, new Date('2025-01-01T00:00:00Z'), [
      { contributorId: kofi, shareBp: 5000 },
      { contributorId: esi, shareBp: 3333 },
      { contributorId: band, shareBp: 1667 },
    ]);
    const deal = await publisherRelationshipsRepository.insert(db(), {
      publisherId: publisher,
      artistId: writer,
      splitBp: 2000,
      effectiveFrom: new Date('2025-06-01T00:00:00Z'),
    });
    await publisherRelationshipsRepository.transition(db(), deal, 'invited', 'active');
    // 100 s regular (12:00) on class_b: 0.012 × 100 × 1.0 = 1.20 GHS = 120 pesewas.
    const plays = [];
    for (let i = 0; i < 5; i++)
      plays.push(await play(db(), fm.stationId, song, new Date(`2026-02-0${i + 1}T12:00:00Z`), 100));
    const cycles = service();
    const cycle = await cycles.openCycle(
      { name: 'Feb 2026', periodStart: '2026-02-01', periodEnd: '2026-03-01' },
      admin,
    );
    expect((await cycles.calculateCycle(cycle.id)).pricedPlays).toBe(5);
    const entries = await ledgerRepository.ofPlay(db(), plays[0]!);
    const byAccount = Object.fromEntries(entries.map((e) => [e.accountId, e.amountMinor]));
    // 120 × 50 % = 60; 120 × 33.33 % = 39.996 → 40 (largest remainder); 120 × 16.67 % = 20.004 → 20.
    expect(byAccount).toEqual({ [fm.stationId]: -120, [artist]: 60, [publisher]: 40, [band]: 20 });
    expect(entries.find((e) => e.accountId === publisher)?.contributorId).toBe(esi);
    const before = await ledgerRepository.cycleSum(db(), cycle.id);
    expect(before).toEqual({ sum: 0, entries: 20 });
    // Running again changes nothing.
    expect((await cycles.calculateCycle(cycle.id)).pricedPlays).toBe(0);
    expect(await ledgerRepository.cycleSum(db(), cycle.id)).toEqual(before);
  });

  it('keeps the ledger append-only and a used rate version frozen; the next version needs a later date', async () => {
    const admin = await user(db(), 'admin');
    const fm = await station(db(), 'Citi FM', 'class_c');
    const artist = await user(db(), 'artist');
    const song = await track(db(), artist, 'Frozen');
    const playId = await play(db(), fm.stationId, song, new Date('2026-03-02T03:00:00Z'), 60);
    const cycles = service();
    const cycle = await cycles.openCycle(
      { name: 'Mar 2026', periodStart: '2026-03-01', periodEnd: '2026-04-01' },
      admin,
    );
    await cycles.calculateCycle(cycle.id);
    await expect(
      db().query('UPDATE ledger_entries SET amount_minor = 0 WHERE play_id = $1', [playId]),
    ).rejects.toThrow(/append-only/);
    await expect(db().query('DELETE FROM ledger_entries WHERE play_id = $1', [playId])).rejects.toThrow(
      /append-only/,
    );
    await expect(db().query('UPDATE rate_table_rates SET base_rate_micro = 1')).rejects.toThrow(
      /add a new version/,
    );
    const unbalanced = db().transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ledger_entries (posting_id, cycle_id, entry_type, account_kind, account_id, amount_minor)
         VALUES (gen_random_uuid(), $1, 'royalty', 'user', $2, 5)`,
        [cycle.id, artist],
      );
    });
    await expect(unbalanced).rejects.toThrow(/unbalanced/);
    const rates = createRateTableService({ db: db() });
    const table = {
      baseRate: '0.02',
      prime: '1.5',
      regular: '1.0',
      offPeak: '0.7',
    };
    const input = { class_a: table, class_b: table, class_c: table, online: table, community: table };
    await expect(
      rates.addRateTableVersion(
        { effectiveFrom: new Date('2026-03-01T00:00:00Z'), note: null, rates: input },
        admin,
      ),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(
      rates.addRateTableVersion(
        {
          effectiveFrom: new Date('2027-03-01T00:00:00Z'),
          note: null,
          rates: { ...input, online: { ...table, prime: 'x' } },
        },
        admin,
      ),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('rates.online') });
    const added = await rates.addRateTableVersion(
      { effectiveFrom: new Date('2027-03-01T00:00:00Z'), note: 'higher', rates: input },
      admin,
    );
    expect(added.rates.class_c.baseRateMicro).toBe(20_000);
    expect((await rates.listRateTables()).map((v) => v.id)).toContain(added.id);
  });

  it('locks a cycle, then books a changed play as correction entries in the next cycle', async () => {
    const admin = await user(db(), 'admin');
    const fm = await station(db(), 'Luv FM', 'online');
    const artist = await user(db(), 'artist');
    const song = await track(db(), artist, 'Changed');
    // 06:30 prime on online: 0.010 × 100 × 1.1 = 1.10 GHS.
    const start = new Date('2026-04-10T06:30:00Z');
    const playId = await play(db(), fm.stationId, song, start, 100);
    const cycles = service();
    const april = await cycles.openCycle(
      { name: 'Apr 2026', periodStart: '2026-04-01', periodEnd: '2026-05-01' },
      admin,
    );
    await expect(cycles.lockCycle(april.id, admin)).rejects.toMatchObject({ kind: 'conflict' });
    await cycles.calculateCycle(april.id);
    expect((await cycles.lockCycle(april.id, admin)).status).toBe('locked');
    await expect(cycles.calculateCycle(april.id)).resolves.toMatchObject({ pricedPlays: 0 });
    // The play turns out longer (200 s): 2.20 GHS.
    await playsRepository.updateSpan(db(), playId, {
      startedAt: start,
      endedAt: new Date(start.getTime() + 200_000),
      trackOffsetMs: 0,
      detectionCount: 4,
      confidence: 0.9,
    });
    const may = await cycles.openCycle(
      { name: 'May 2026', periodStart: '2026-05-01', periodEnd: '2026-06-01' },
      admin,
    );
    expect(await cycles.calculateCycle(may.id)).toMatchObject({ correctedPlays: 1 });
    const inMay = (await ledgerRepository.ofCycle(db(), may.id)).map((e) => [
      e.entryType,
      e.accountKind,
      e.amountMinor,
    ]);
    expect(inMay).toEqual([
      ['correction_reversal', 'station', 110],
      ['correction_reversal', 'user', -110],
      ['correction', 'station', -220],
      ['correction', 'user', 220],
    ]);
    expect(await ledgerRepository.cycleSum(db(), may.id)).toMatchObject({ sum: 0 });
    await expect(
      cycles.openCycle({ name: 'x', periodStart: '2026-05-15', periodEnd: '2026-06-15' }, admin),
    ).rejects.toMatchObject({
      kind: 'conflict',
    });
  });
});
