// The money side end to end on real PostgreSQL, against totals worked out by
// hand: a cycle over seeded plays with splits, an outside party and a
// publisher; lock; every statement (data, CSV, PDF text) and the usage
// report; a dispute rejected (held, then released) and one upheld (reversal
// booked in the next cycle); payouts racing for one balance; the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import { usersRepository } from '@zamio/accounts';
import { playsRepository } from '@zamio/airplay';
import { createPostgresDatabase, migrate, type Database } from '@zamio/db';
import { createTestDatabase, type TestDatabase } from '@zamio/testing';
import {
  createAuditService,
  createCycleService,
  createDisputeService,
  createPayoutService,
  createPublisherService,
  createStatementService,
  ledgerRepository,
  type Cycle,
} from '../src';
import { contributor, play, splits, station, track } from './support';

describe('money flow (postgres)', () => {
  let server: TestDatabase;
  let db: Database;
  const ids = {} as Record<string, string>;
  let january: Cycle;

  beforeAll(async () => {
    server = await createTestDatabase();
    db = createPostgresDatabase({
      url: server.url,
      poolMax: 12,
      idleTimeoutMs: 1_000,
      connectTimeoutMs: 5_000,
      acquireTimeoutMs: 10_000,
      statementTimeoutMs: 30_000,
      applicationName: 'money-flow-test',
    });
    await migrate(db, { statementTimeoutMs: 60_000 });
    const person = async (role: 'admin' | 'artist' | 'publisher', name: string, email: string) =>
      (
        await usersRepository.insert(db, {
          email,
          displayName: name,
          role,
          status: 'active',
          passwordHash: 'x',
        })
      ).id;
    ids.admin = await person('admin', 'Admin', 'admin@example.test');
    ids.ama = await person('artist', 'Ama', 'ama@example.test');
    ids.esi = await person('artist', 'Esi', 'esi@example.test');
    ids.gold = await person('publisher', 'Gold Publishing', 'gold@example.test');
    ids.joy = (await station(db, 'Joy FM', 'class_a')).stationId;
    ids.radio = (await station(db, 'Radio Gold', 'community')).stationId;
    ids.highlife = await track(db, ids.ama, 'Highlife', 'GHA012600001');
    ids.azonto = await track(db, ids.ama, 'Azonto', 'GHA012600002');
    ids.cAma = await contributor(db, ids.ama, { userId: ids.ama, name: 'Ama' });
    ids.cEsi = await contributor(db, ids.ama, { userId: ids.esi, name: 'Esi' });
    ids.cX = await contributor(db, ids.ama, { name: 'Producer X' });
    await splits(db, ids.highlife, ids.ama, new Date('2025-01-01T00:00:00Z'), [
      { contributorId: ids.cAma, shareBp: 6000 },
      { contributorId: ids.cEsi, shareBp: 3000 },
      { contributorId: ids.cX, shareBp: 1000 },
    ]);
    // Esi signs with Gold from 1 January (invited by e-mail, accepted by Esi).
    const publishers = createPublisherService({ db });
    const invite = await publishers.inviteArtist(ids.gold, {
      artistEmail: 'ESI@example.test',
      splitBp: 2000,
      effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    });
    await expect(publishers.acceptInvitation(ids.ama, invite.id)).rejects.toMatchObject({
      kind: 'not-found',
    });
    expect(await publishers.acceptInvitation(ids.esi, invite.id)).toMatchObject({ status: 'active' });
    await expect(
      publishers.inviteArtist(ids.gold, { artistEmail: 'esi@example.test', splitBp: 2000 }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect(
      (await publishers.catalog(ids.gold, {}, { limit: 50, sort: 'title', order: 'asc' })).items,
    ).toEqual([]); // Esi owns no track
    // Plays (Africa/Accra = UTC):
    // p1 Highlife, Joy FM (class_a), 07:30 prime, 210 s: 0.015 × 210 × 1.5 = 4.725 → 472 (half-even)
    //    → Ama 60 % 283.2 → 283, Esi 30 % 141.6 → 142 (largest remainder) paid to Gold, X 10 % 47.2 → 47
    // p2 Highlife, Radio Gold (community), 12:00, 100 s: 0.005 × 100 = 0.50 → Ama 30, Gold 15, X 5
    // p3 Azonto (no splits: Ama 100 %), Joy FM, 02:00 off-peak, 60 s: 0.015 × 60 × 0.7 = 0.63
    // p4 Azonto, Joy FM, 17:00 prime, 120 s: 0.015 × 120 × 1.5 = 2.70
    // p5 flagged: never priced.
    ids.p1 = await play(db, ids.joy, ids.highlife, new Date('2026-01-05T07:30:00Z'), 210);
    ids.p2 = await play(db, ids.radio, ids.highlife, new Date('2026-01-06T12:00:00Z'), 100);
    ids.p3 = await play(db, ids.joy, ids.azonto, new Date('2026-01-07T02:00:00Z'), 60);
    ids.p4 = await play(db, ids.joy, ids.azonto, new Date('2026-01-08T17:00:00Z'), 120);
    ids.p5 = await play(db, ids.joy, ids.highlife, new Date('2026-01-09T09:00:00Z'), 300);
    await playsRepository.setStatus(db, ids.p5, 'flagged', null);
  });

  afterAll(async () => {
    await db?.close();
    await server?.drop();
  });

  const cycles = () => createCycleService({ db, jobs: { enqueue: async () => 'job' } });
  const statements = () => createStatementService({ db, now: () => new Date('2026-02-02T10:00:00Z') });
  const user = (id: string) => ({ kind: 'user' as const, id });

  it('calculates and locks January; every statement matches the hand-computed totals', async () => {
    january = await cycles().openCycle(
      { name: 'January 2026', periodStart: '2026-01-01', periodEnd: '2026-02-01' },
      ids.admin!,
    );
    expect(await cycles().calculateCycle(january.id)).toMatchObject({ pricedPlays: 4 });
    january = await cycles().lockCycle(january.id, ids.admin!);
    expect(await ledgerRepository.cycleSum(db, january.id)).toEqual({ sum: 0, entries: 4 + 4 + 2 + 2 });

    const ama = await statements().statementOf(january.id, user(ids.ama!));
    expect(ama.totals).toEqual({ payableMinor: 646, heldMinor: 0, totalMinor: 646, plays: 4 });
    expect(ama.lines.map((l) => [l.playId, l.amountMinor])).toEqual([
      [ids.p1, 283],
      [ids.p2, 30],
      [ids.p3, 63],
      [ids.p4, 270],
    ]);
    expect(ama.byTrack.map((g) => [g.label, g.isrc, g.plays, g.seconds, g.payableMinor])).toEqual([
      ['Azonto', 'GHA012600002', 2, 180, 333],
      ['Highlife', 'GHA012600001', 2, 310, 313],
    ]);
    expect(ama.byStation.map((g) => [g.label, g.plays, g.payableMinor])).toEqual([
      ['Joy FM', 3, 616],
      ['Radio Gold', 1, 30],
    ]);
    const gold = await statements().statementOf(january.id, user(ids.gold!));
    expect(gold.totals.totalMinor).toBe(157);
    expect(gold.lines.every((l) => l.contributorName === 'Esi')).toBe(true);
    const x = await statements().statementOf(january.id, { kind: 'contributor', id: ids.cX! });
    expect(x.totals.totalMinor).toBe(52);
    expect((await statements().recipientsOf(january.id)).map((r) => [r.name, r.amountMinor])).toEqual([
      ['Ama', 646],
      ['Gold Publishing', 157],
      ['Producer X', 52],
    ]);

    const csv = await statements().statementCsv(january.id, user(ids.ama!));
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('play_id,started_at,station,track,isrc,contributor,seconds,amount_ghs,status');
    expect(rows[1]).toBe(
      `${ids.p1},2026-01-05T07:30:00.000Z,Joy FM,Highlife,GHA012600001,Ama,210,2.83,payable`,
    );
    expect(rows.at(-1)).toBe('TOTAL,,,,,,,6.46,');

    const pdf = await statements().statementPdf(january.id, user(ids.gold!));
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(text).toContain('Recipient: Gold Publishing');
    expect(text).toContain('Cycle: January 2026 (2026-01-01 to 2026-02-01, locked)');
    expect(text).toContain('Payable: GHS 1.57');
    expect(text).toContain('Highlife [GHA012600001]: 2 plays, 310 s, payable GHS 1.57');

    const byStation = await statements().usageReport(january.id, 'station');
    expect(byStation.csv.trim().split('\n')).toEqual([
      'station_id,station,plays,seconds,amount_ghs',
      `${ids.joy},Joy FM,3,390,8.05`,
      `${ids.radio},Radio Gold,1,100,0.50`,
    ]);
    const byWork = await statements().usageReport(january.id, 'work');
    expect(byWork.csv.trim().split('\n').slice(1)).toEqual([
      `${ids.azonto},Azonto,GHA012600002,2,180,3.33`,
      `${ids.highlife},Highlife,GHA012600001,2,310,5.22`,
    ]);
  });

  it('holds a disputed play, releases it when rejected, and reverses it in the next cycle when upheld', async () => {
    const disputes = createDisputeService({ db });
    const payouts = createPayoutService({ db });
    await expect(
      disputes.raiseDispute({ playId: ids.p4!, reason: 'not ours' }, ids.gold!),
    ).rejects.toMatchObject({
      kind: 'not-found',
    });
    const rejected = await disputes.raiseDispute(
      { playId: ids.p4!, reason: 'this was a different song' },
      ids.ama!,
    );
    await expect(disputes.raiseDispute({ playId: ids.p4!, reason: 'again' }, ids.ama!)).rejects.toMatchObject(
      {
        kind: 'conflict',
      },
    );
    const held = await statements().statementOf(january.id, user(ids.ama!));
    expect(held.totals).toMatchObject({ payableMinor: 376, heldMinor: 270, totalMinor: 646 });
    expect(held.lines.find((l) => l.playId === ids.p4)?.held).toBe(true);
    expect(await payouts.balanceOf(ids.ama!)).toMatchObject({
      earnedMinor: 376,
      heldMinor: 270,
      availableMinor: 376,
    });
    await disputes.resolveDispute(
      rejected.id,
      { outcome: 'rejected', note: 'fingerprint confirmed' },
      ids.admin!,
    );
    expect((await statements().statementOf(january.id, user(ids.ama!))).totals).toMatchObject({
      payableMinor: 646,
      heldMinor: 0,
    });
    await expect(
      disputes.resolveDispute(rejected.id, { outcome: 'upheld' }, ids.admin!),
    ).rejects.toMatchObject({
      kind: 'conflict',
    });

    const upheld = await disputes.raiseDispute(
      { playId: ids.p3!, reason: 'the station played a cover' },
      ids.ama!,
    );
    // January is locked and no later cycle is open: nowhere to book the reversal yet.
    await expect(disputes.resolveDispute(upheld.id, { outcome: 'upheld' }, ids.admin!)).rejects.toMatchObject(
      {
        kind: 'conflict',
      },
    );
    const february = await cycles().openCycle(
      { name: 'February 2026', periodStart: '2026-02-01', periodEnd: '2026-03-01' },
      ids.admin!,
    );
    const resolved = await disputes.resolveDispute(
      upheld.id,
      { outcome: 'upheld', note: 'cover version' },
      ids.admin!,
    );
    expect(resolved).toMatchObject({ dispute: { status: 'upheld' }, reversedInCycleId: february.id });
    const reversal = (await ledgerRepository.ofCycle(db, february.id)).map((e) => [
      e.entryType,
      e.accountId,
      e.amountMinor,
    ]);
    expect(reversal).toEqual([
      ['dispute_reversal', ids.joy, 63],
      ['dispute_reversal', ids.ama, -63],
    ]);
    expect((await statements().statementOf(january.id, user(ids.ama!))).totals.totalMinor).toBe(646);
    await cycles().calculateCycle(february.id);
    await cycles().lockCycle(february.id, ids.admin!);
    expect(await ledgerRepository.cycleSum(db, february.id)).toEqual({ sum: 0, entries: 2 });
    const feb = await statements().statementOf(february.id, user(ids.ama!));
    expect(feb.totals.totalMinor).toBe(-63);
    expect(await payouts.balanceOf(ids.ama!)).toMatchObject({
      earnedMinor: 583,
      heldMinor: 0,
      availableMinor: 583,
    });
  });

  it('lets parallel payout requests take at most the available balance', async () => {
    const payouts = createPayoutService({ db });
    await expect(
      payouts.requestPayout(ids.ama!, { amountMinor: 0, method: 'bank', destination: 'GCB 123' }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        payouts.requestPayout(ids.ama!, {
          amountMinor: 100,
          method: 'mobile_money',
          destination: `024000000${i}`,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(5);
    for (const r of refused)
      expect(r.reason).toMatchObject({ kind: 'conflict', message: expect.stringContaining('exceeds') });
    expect(await payouts.balanceOf(ids.ama!)).toMatchObject({ committedMinor: 500, availableMinor: 83 });
    // The queue pages on the server (keyset): 5 requests in pages of 2.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await payouts.listPayouts(
        { userId: ids.ama! },
        { limit: 2, cursor, sort: 'requestedAt', order: 'desc' },
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);

    const first = (ok[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    await expect(payouts.markPayoutPaid(first, ids.admin!, 'MM-1')).rejects.toMatchObject({
      kind: 'conflict',
    });
    await payouts.approvePayout(first, ids.admin!);
    await expect(payouts.markPayoutPaid(first, ids.admin!, ' ')).rejects.toMatchObject({ kind: 'invalid' });
    expect(await payouts.markPayoutPaid(first, ids.admin!, 'MTN-MOMO-778899')).toMatchObject({
      status: 'paid',
      externalReference: 'MTN-MOMO-778899',
      paidBy: ids.admin,
    });
    const second = (ok[1] as PromiseFulfilledResult<{ id: string }>).value.id;
    await payouts.rejectPayout(second, ids.admin!, 'wallet name does not match');
    expect(await payouts.balanceOf(ids.ama!)).toMatchObject({ availableMinor: 183 });

    const audit = await createAuditService({ db }).listAudit({});
    const actions = audit.map((a) => a.action);
    for (const action of [
      'cycle.opened',
      'cycle.locked',
      'dispute.raised',
      'dispute.rejected',
      'dispute.upheld',
      'payout.requested',
      'payout.approved',
      'payout.paid',
      'payout.rejected',
      'publisher-relationship.invited',
      'publisher-relationship.active',
    ])
      expect(actions).toContain(action);
    expect(audit.find((a) => a.action === 'payout.paid')).toMatchObject({
      actorName: 'Admin',
      subjectId: first,
    });
  });
});
