// Use cases of one's own account: sign up, sign in (opening a session), sign
// out, change the password, and who is behind a session cookie.
import type { Database } from '@zamio/db';
import { forbidden, unauthenticated } from '@zamio/errors';
import * as sessions from '../repositories/sessions-repository';
import * as users from '../repositories/users-repository';
import type { Account } from '../repositories/users-repository';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../rules/password-hashing';
import { signInRefusalOf } from '../rules/account-review';
import { initialStatusFor, type SelfServiceRole, type SessionPrincipal } from '../rules/roles';
import { newSessionId } from '../rules/session-cookie';
import type { AccountCreatedHook } from './account-created-hook';

export interface AccountServiceDependencies {
  db: Database;
  sessionTtlMs: number;
  onAccountCreated?: AccountCreatedHook | undefined;
}

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  role: SelfServiceRole;
}

export interface SignInInput {
  email: string;
  password: string;
  userAgent: string | undefined;
  /** The browser's current session, ended as the new one starts. */
  replacingSessionId: string | undefined;
}

export function createAccountService({ db, sessionTtlMs, onAccountCreated }: AccountServiceDependencies) {
  return {
    /** Creates the account (and what the hook adds, e.g. a station) in one transaction. */
    async signUp(input: SignUpInput): Promise<Account> {
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const account = await users.insert(tx, {
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          status: initialStatusFor(input.role),
          passwordHash,
        });
        await onAccountCreated?.(tx, account);
        return account;
      });
    },

    /**
     * Checks e-mail and password and opens a session. Unknown e-mail and wrong
     * password give the same error after the same work; a pending, rejected or
     * disabled account is told so (a rejected one with the reason) only after its password proved correct.
     */
    async signIn(input: SignInInput): Promise<{ account: Account; sessionId: string }> {
      const account = await users.findByEmail(db, input.email);
      if (!account) {
        await burnPasswordCheck(input.password);
        throw unauthenticated('e-mail or password is wrong');
      }
      if (!(await verifyPassword(input.password, account.passwordHash)))
        throw unauthenticated('e-mail or password is wrong');
      const refusal = signInRefusalOf(account);
      if (refusal) throw forbidden(refusal);
      const rehashed = needsRehash(account.passwordHash) ? await hashPassword(input.password) : undefined;
      const sessionId = newSessionId();
      await db.transaction(async (tx) => {
        if (rehashed) await users.setPasswordHash(tx, account.id, rehashed);
        if (input.replacingSessionId) await sessions.revoke(tx, input.replacingSessionId);
        await sessions.insert(tx, {
          sessionId,
          userId: account.id,
          ttlMs: sessionTtlMs,
          userAgent: input.userAgent,
        });
      });
      return { account, sessionId };
    },

    async signOut(sessionId: string): Promise<void> {
      await sessions.revoke(db, sessionId);
    },

    /** Changes the password and signs out every other session of the account. */
    async changePassword(
      accountId: string,
      change: { currentPassword: string; newPassword: string; keepSessionId: string },
    ): Promise<void> {
      const account = await users.findById(db, accountId);
      if (!account || !(await verifyPassword(change.currentPassword, account.passwordHash)))
        throw forbidden('the current password is wrong');
      const passwordHash = await hashPassword(change.newPassword);
      await db.transaction(async (tx) => {
        await users.setPasswordHash(tx, accountId, passwordHash);
        await sessions.revokeAllOf(tx, accountId, change.keepSessionId);
      });
    },

    /** The account itself; unauthenticated when it is gone. */
    async getAccount(accountId: string): Promise<Account> {
      const account = await users.findById(db, accountId);
      if (!account) throw unauthenticated();
      return account;
    },

    /** Who is behind a live session id (checked on every request, so revocation is immediate). */
    async resolveSession(sessionId: string): Promise<SessionPrincipal | undefined> {
      const owner = await sessions.findLiveOwner(db, sessionId);
      return (
        owner && {
          via: 'session',
          sessionId,
          userId: owner.userId,
          role: owner.role,
          stationId: owner.stationId,
        }
      );
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
