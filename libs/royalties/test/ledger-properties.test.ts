// Property tests of the money rules as the ledger uses them: a play's legs
// sum to zero, the recipients' parts sum to the play amount, nothing is
// negative; and, on the real database, a cycle balances to zero and a second
// calculation changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '@zamio/domain-testing';
import {
  calculatePlayRoyalty,
  createCycleService,
  ledgerRepository,
  royaltyLegs,
  startingRateTable,
} from '../src';
import { STATION_CLASSES } from '../src/station-class';
import { contributor, play, splits, station, track, user } from './support';

const uuid = fc.uuid({ version: 4 });

/** 1..6 shares in basis points totalling exactly 10000. */
const shares = fc
  .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 })
  .chain((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const bp = weights.map((w) => Math.floor((w * 10_000) / total));
    bp[0]! += 10_000 - bp.reduce((a, b) => a + b, 0);
    return fc.tuple(
      fc.constant(bp.filter((b) => b > 0)),
      fc.array(
        fc.record({ contributorId: uuid, userId: fc.option(uuid), publisherUserId: fc.option(uuid) }),
        {
          minLength: 6,
          maxLength: 6,
        },
      ),
    );
  })
  .filter(([, people]) => new Set(people.map((p) => p.contributorId)).size === people.length)
  .map(([bp, people]) => bp.map((shareBp, i) => ({ ...people[i]!, shareBp })));

describe('play postings', () => {
  it('legs balance, recipient parts sum to the play amount, and none is negative', () => {
    fc.assert(
      fc.property(
        fc.record({
          stationClass: fc.constantFrom(...STATION_CLASSES),
          start: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
          durationMs: fc.integer({ min: 0, max: 3_600_000 }),
          timezone: fc.constantFrom('Africa/Accra', 'Europe/London', 'America/New_York', 'Asia/Kolkata'),
        }),
        shares,
        uuid,
        uuid,
        (p, people, stationId, artistId) => {
          const { amountMinor } = calculatePlayRoyalty({ ...p, durationSeconds: p.durationMs / 1000 }, [
            startingRateTable('t', 0),
          ]);
          const legs = royaltyLegs({ stationId, artistId, amountMinor }, people);
          expect(legs.reduce((s, l) => s + l.amountMinor, 0)).toBe(0);
          const recipients = legs.filter((l) => l.accountKind !== 'station');
          expect(recipients.reduce((s, l) => s + l.amountMinor, 0)).toBe(amountMinor);
          for (const leg of recipients) expect(leg.amountMinor).toBeGreaterThan(0);
          for (const leg of recipients) {
            const share = people.find((s) => s.contributorId === leg.contributorId)!;
            expect(leg.accountId).toBe(share.publisherUserId ?? share.userId ?? share.contributorId);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describeOnBothDatabases('cycle properties', (db) => {
  it('a cycle balances to zero per cycle and recalculating changes nothing', async () => {
    const admin = await user(db(), 'admin');
    let month = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...STATION_CLASSES),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.record({
            minute: fc.integer({ min: 0, max: 27 * 24 * 60 }),
            seconds: fc.integer({ min: 1, max: 600 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (stationClass, weights, plays) => {
          month += 1;
          const from = new Date(Date.UTC(2030, month - 1, 1));
          const day = (d: Date) => d.toISOString().slice(0, 10);
          const fm = await station(db(), `FM ${month}`, stationClass);
          const artist = await user(db(), 'artist');
          const song = await track(db(), artist, `Song ${month}`);
          const total = weights.reduce((a, b) => a + b, 0);
          const bp = weights.map((w) => Math.max(1, Math.floor((w * 10_000) / total)));
          bp[0]! += 10_000 - bp.reduce((a, b) => a + b, 0);
          if (bp[0]! <= 0) return;
          const people = [];
          for (let i = 0; i < bp.length; i++)
            people.push({
              contributorId: await contributor(db(), artist, { name: `P${month}-${i}` }),
              shareBp: bp[i]!,
            });
          await splits(db(), song, artist, new Date('2020-01-01T00:00:00Z'), people);
          for (const p of plays)
            await play(db(), fm.stationId, song, new Date(from.getTime() + p.minute * 60_000), p.seconds);
          const cycles = createCycleService({ db: db(), jobs: { enqueue: async () => 'job' }, chunkSize: 5 });
          const cycle = await cycles.openCycle(
            { name: `M${month}`, periodStart: day(from), periodEnd: day(new Date(Date.UTC(2030, month, 1))) },
            admin,
          );
          await cycles.calculateCycle(cycle.id);
          const once = await ledgerRepository.ofCycle(db(), cycle.id);
          expect(once.reduce((s, e) => s + e.amountMinor, 0)).toBe(0);
          for (const e of once) if (e.accountKind !== 'station') expect(e.amountMinor).toBeGreaterThan(0);
          await cycles.calculateCycle(cycle.id);
          expect(await ledgerRepository.ofCycle(db(), cycle.id)).toEqual(once);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
