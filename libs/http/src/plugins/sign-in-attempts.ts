// Counters of failed sign-ins for the sign-in throttle (libs/accounts'
// SignInAttemptStore): per (account, address), per account, and the set of
// addresses that failed on an account. In Redis so every replica sees the
// same counts; in memory when there is no Redis (embedded mode) or while it
// is down (logged once, like the other rate limits). Accounts are keyed by a
// SHA-256 of the normalised e-mail, so Redis holds no addresses of people.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '@zamio/logger';

interface Counts {
  pair: number;
  account: number;
}

export interface SignInAttempts {
  counts(account: string, address: string): Promise<Counts>;
  recordFailure(account: string, address: string, windowMs: number): Promise<Counts & { addresses: number }>;
  reset(account: string, address: string): Promise<void>;
  retryAfterSeconds(account: string, address: string): Promise<number>;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

export function signInAttempts(options: {
  redis: { client: Redis; keyPrefix: string } | undefined;
  logger: Logger;
}): SignInAttempts {
  const memory = memoryAttempts();
  if (!options.redis) return memory;
  const { client } = options.redis;
  const base = `${options.redis.keyPrefix}:sign-in:`;
  const keys = (account: string, address: string) => {
    const id = digest(account);
    return { pair: `${base}${id}:${address}`, account: `${base}${id}`, addresses: `${base}${id}:addresses` };
  };
  let degraded = false;
  const shared = async <T>(work: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    if (client.status !== 'ready')
      return noteDown(new Error(`redis connection is ${client.status}`), fallback);
    try {
      const result = await work();
      if (degraded) {
        degraded = false;
        options.logger.info('sign-in throttling is shared through redis again');
      }
      return result;
    } catch (error) {
      return noteDown(error, fallback);
    }
  };
  const noteDown = <T>(error: unknown, fallback: () => Promise<T>): Promise<T> => {
    if (!degraded) {
      degraded = true;
      options.logger.warn(
        { err: error },
        'sign-in throttling falls back to in-memory counters until redis returns',
      );
    }
    return fallback();
  };
  return {
    counts: (account, address) =>
      shared(
        async () => {
          const k = keys(account, address);
          const [pair, total] = await client.mget(k.pair, k.account);
          return { pair: Number(pair ?? 0), account: Number(total ?? 0) };
        },
        () => memory.counts(account, address),
      ),
    recordFailure: (account, address, windowMs) =>
      shared(
        async () => {
          const k = keys(account, address);
          // Remembered for windowMs after the latest failure.
          const replies = await client
            .multi()
            .incr(k.pair)
            .pexpire(k.pair, windowMs)
            .incr(k.account)
            .pexpire(k.account, windowMs)
            .sadd(k.addresses, address)
            .pexpire(k.addresses, windowMs)
            .scard(k.addresses)
            .exec();
          const value = (index: number) => Number(replies?.[index]?.[1] ?? 0);
          return { pair: value(0), account: value(2), addresses: value(6) };
        },
        () => memory.recordFailure(account, address, windowMs),
      ),
    reset: (account, address) =>
      shared(
        async () => {
          const k = keys(account, address);
          await client.del(k.pair, k.account, k.addresses);
          await memory.reset(account, address);
        },
        () => memory.reset(account, address),
      ),
    retryAfterSeconds: (account, address) =>
      shared(
        async () => Math.ceil(Math.max(0, await client.pttl(keys(account, address).pair)) / 1000),
        () => memory.retryAfterSeconds(account, address),
      ),
  };
}

/** The same counters in one process's memory, expiring like the Redis keys. */
function memoryAttempts(): SignInAttempts {
  const counters = new Map<string, { value: number; expiresAt: number }>();
  const addressSets = new Map<string, { value: Set<string>; expiresAt: number }>();
  const live = <T extends { expiresAt: number }>(map: Map<string, T>, key: string): T | undefined => {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  };
  const bump = (key: string, windowMs: number) => {
    const value = (live(counters, key)?.value ?? 0) + 1;
    counters.set(key, { value, expiresAt: Date.now() + windowMs });
    return value;
  };
  const pairKey = (account: string, address: string) => `${account}\u0000${address}`;
  return {
    async counts(account, address) {
      return {
        pair: live(counters, pairKey(account, address))?.value ?? 0,
        account: live(counters, account)?.value ?? 0,
      };
    },
    async recordFailure(account, address, windowMs) {
      const pair = bump(pairKey(account, address), windowMs);
      const total = bump(account, windowMs);
      const set = live(addressSets, account)?.value ?? new Set<string>();
      set.add(address);
      addressSets.set(account, { value: set, expiresAt: Date.now() + windowMs });
      // Bounded: forget the oldest entries beyond 100 000 keys.
      for (const map of [counters, addressSets] as Map<string, unknown>[])
        while (map.size > 100_000) map.delete(map.keys().next().value!);
      return { pair, account: total, addresses: set.size };
    },
    async reset(account, address) {
      counters.delete(pairKey(account, address));
      counters.delete(account);
      addressSets.delete(account);
    },
    async retryAfterSeconds(account, address) {
      const entry = live(counters, pairKey(account, address));
      return entry ? Math.ceil((entry.expiresAt - Date.now()) / 1000) : 0;
    },
  };
}
