// Reviewing accounts against real PostgreSQL and PGlite: approve, reject with
// a reason (shown at sign-in), disable — each with its audit entry in the same
// transaction, nothing half-written when refused — and the paged admin list.
import { expect, it, describe } from 'vitest';
import type { Queryable } from '@zamio/db';
import { describeOnBothDatabases } from '@zamio/domain-testing';
import {
  createAccountAdminService,
  createAccountService,
  rejectionRefusal,
  signInRefusalOf,
  usersRepository as users,
  type AccountAuditEntry,
} from '../src';

const PASSWORD = 'correct horse battery staple';

describe('review rules', () => {
  it('refuses a reason too short or too long, and any account that is not pending', () => {
    expect(rejectionRefusal('pending', '  no ')).toMatchObject({ kind: 'invalid' });
    expect(rejectionRefusal('pending', 'x'.repeat(501))).toMatchObject({ kind: 'invalid' });
    expect(rejectionRefusal('active', 'Not a licensed broadcaster')).toMatchObject({ kind: 'conflict' });
    expect(rejectionRefusal('rejected', 'Not a licensed broadcaster')).toMatchObject({ kind: 'conflict' });
    expect(rejectionRefusal('pending', 'Not a licensed broadcaster')).toBeUndefined();
  });

  it('tells each blocked state at sign-in, a rejected one with its reason', () => {
    expect(signInRefusalOf({ status: 'active', rejectionReason: null })).toBeUndefined();
    expect(signInRefusalOf({ status: 'pending', rejectionReason: null })).toMatch(/waiting for approval/);
    expect(signInRefusalOf({ status: 'disabled', rejectionReason: null })).toMatch(/disabled/);
    expect(signInRefusalOf({ status: 'rejected', rejectionReason: 'No licence' })).toMatch(
      /not approved.*Reason: No licence$/,
    );
  });
});

describeOnBothDatabases('account review', (db) => {
  const setup = async () => {
    const audit: AccountAuditEntry[] = [];
    const accounts = createAccountService({ db: db(), sessionTtlMs: 60_000 });
    const admin = createAccountAdminService({
      db: db(),
      recordAudit: async (tx: Queryable, entry) => {
        // Written inside the changing transaction: visible through tx before commit.
        const { rows } = await tx.query<{ status: string }>('SELECT status FROM users WHERE id = $1', [
          entry.subjectId,
        ]);
        audit.push({ ...entry, details: { ...entry.details, statusInTx: rows[0]?.status } });
      },
    });
    const root = await users.insertApprovedIfAbsent(db(), {
      email: `root-${Math.random().toString(36).slice(2)}@example.test`,
      displayName: 'Root',
      role: 'admin',
      passwordHash: '$scrypt$placeholder',
    });
    return { audit, accounts, admin, adminId: root!.id };
  };
  const signUp = (
    accounts: ReturnType<typeof createAccountService>,
    role: 'station' | 'publisher',
    name: string,
  ) => accounts.signUp({ email: `${name}@example.test`, password: PASSWORD, displayName: name, role });

  it('rejects a pending account with a reason that its owner is shown at sign-in', async () => {
    const { audit, accounts, admin, adminId } = await setup();
    const fm = await signUp(accounts, 'station', 'reject-fm');
    expect(fm.status).toBe('pending');
    const rejected = await admin.rejectAccount(fm.id, '  No broadcasting licence was attached.  ', adminId);
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectionReason: 'No broadcasting licence was attached.',
      rejectedAt: expect.any(Date),
    });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: adminId,
        action: 'account.reject',
        subjectId: fm.id,
        details: expect.objectContaining({
          reason: 'No broadcasting licence was attached.',
          statusInTx: 'rejected',
        }),
      }),
    ]);
    const refused = await accounts
      .signIn({
        email: 'reject-fm@example.test',
        password: PASSWORD,
        userAgent: undefined,
        replacingSessionId: undefined,
      })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      kind: 'forbidden',
      message: expect.stringMatching(/not approved.*Reason: No broadcasting licence was attached\.$/),
    });
    // A wrong password still says nothing about the account's state.
    await expect(
      accounts.signIn({
        email: 'reject-fm@example.test',
        password: 'wrong password here',
        userAgent: undefined,
        replacingSessionId: undefined,
      }),
    ).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('refuses a second rejection, a blank reason and an unknown id without writing anything', async () => {
    const { audit, accounts, admin, adminId } = await setup();
    const pub = await signUp(accounts, 'publisher', 'refuse-pub');
    await expect(admin.rejectAccount(pub.id, ' ', adminId)).rejects.toMatchObject({ kind: 'invalid' });
    expect((await users.findById(db(), pub.id))?.status).toBe('pending');
    await admin.rejectAccount(pub.id, 'Company not registered', adminId);
    await expect(admin.rejectAccount(pub.id, 'Again, differently', adminId)).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect((await users.findById(db(), pub.id))?.rejectionReason).toBe('Company not registered');
    await expect(
      admin.rejectAccount('00000000-0000-4000-8000-000000000000', 'Whoever you are', adminId),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(audit.map((entry) => entry.action)).toEqual(['account.reject']);
  });

  it('approving a rejected account clears the rejection and lets it sign in', async () => {
    const { audit, accounts, admin, adminId } = await setup();
    const fm = await signUp(accounts, 'station', 'second-look-fm');
    await admin.rejectAccount(fm.id, 'Licence unreadable', adminId);
    const approved = await admin.approveAccount(fm.id, adminId);
    expect(approved).toMatchObject({ status: 'active', rejectionReason: null, rejectedAt: null });
    expect(audit.at(-1)).toMatchObject({
      action: 'account.approve',
      details: expect.objectContaining({ from: 'rejected', statusInTx: 'active' }),
    });
    const { account } = await accounts.signIn({
      email: 'second-look-fm@example.test',
      password: PASSWORD,
      userAgent: undefined,
      replacingSessionId: undefined,
    });
    expect(account.id).toBe(fm.id);
  });

  it('the database refuses a rejected account without a reason', async () => {
    const fm = await users.insert(db(), {
      email: 'constraint-fm@example.test',
      displayName: 'constraint-fm',
      role: 'station',
      status: 'pending',
      passwordHash: '$scrypt$placeholder',
    });
    await expect(db().query("UPDATE users SET status = 'rejected' WHERE id = $1", [fm.id])).rejects.toThrow(
      /users_rejection_explained/,
    );
  });

  it('pages the list by creation time with filters on role, status and a search', async () => {
    const { admin } = await setup();
    for (let i = 0; i < 5; i++)
      await users.insert(db(), {
        email: `paged-pub-${i}@example.test`,
        displayName: `paged-pub-${i}`,
        role: 'publisher',
        status: 'pending',
        passwordHash: '$scrypt$placeholder',
      });
    // One creation time per account, a second apart: PGlite's clock can give
    // rows inserted within a millisecond the same created_at, and a tie is
    // broken by id, not by insertion order.
    await db().query(
      `UPDATE users SET created_at = timestamptz '2026-01-01 00:00:00+00' + (substring(display_name from 'paged-pub-(\\d+)')::int * interval '1 second')
        WHERE display_name LIKE 'paged-pub-%'`,
    );
    const first = await admin.listAccounts(
      { role: 'publisher', status: 'pending', search: 'PAGED-pub' },
      { limit: 2, sort: 'createdAt', order: 'desc' },
    );
    expect(first.items.map((a) => a.displayName)).toEqual(['paged-pub-4', 'paged-pub-3']);
    const second = await admin.listAccounts(
      { role: 'publisher', status: 'pending', search: 'PAGED-pub' },
      { limit: 2, cursor: first.nextCursor!, sort: 'createdAt', order: 'desc' },
    );
    const third = await admin.listAccounts(
      { role: 'publisher', status: 'pending', search: 'PAGED-pub' },
      { limit: 2, cursor: second.nextCursor!, sort: 'createdAt', order: 'desc' },
    );
    expect([...second.items, ...third.items].map((a) => a.displayName)).toEqual([
      'paged-pub-2',
      'paged-pub-1',
      'paged-pub-0',
    ]);
    expect(third.nextCursor).toBeNull();
    // A search with LIKE's wildcards matches them literally.
    expect(
      (await admin.listAccounts({ search: 'paged%' }, { limit: 10, sort: 'email', order: 'asc' })).items,
    ).toEqual([]);
  });
});
