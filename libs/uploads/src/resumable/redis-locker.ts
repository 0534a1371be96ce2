// The tus server's per-upload lock across every bff process: a Redis key
// (SET NX PX, renewed while held, deleted only by its own holder) instead of
// @tus/server's MemoryLocker, which only serialises requests inside one
// process. Redis rather than a lock file on the shared directory: its TTL
// frees the lock of a crashed process by itself, and its pub/sub carries the
// tus "please release" signal to the holder in another process — a client
// that resumes after a dropped connection asks the stale PATCH still holding
// the lock (its socket not yet known dead) to stop, as MemoryLocker does in
// one process.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/utils';

export interface RedisLockerOptions {
  /** Commands (SET/PEXPIRE/EVAL/PUBLISH); a duplicate of it subscribes to release requests. */
  redis: Redis;
  keyPrefix: string;
  /** How long a held lock lives without renewal (a crashed holder frees it after this). */
  ttlMs?: number;
  /** How long a request waits for the lock before failing. */
  acquireTimeoutMs?: number;
  /** Pause between attempts while another request holds the lock. */
  retryMs?: number;
}

const RELEASE_IF_OWNED = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW_IF_OWNED = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export class RedisLocker implements Locker {
  readonly ttlMs: number;
  readonly acquireTimeoutMs: number;
  readonly retryMs: number;
  private subscriber: Redis | undefined;
  /** Release requests for the locks this process holds, by channel. */
  private readonly held = new Map<string, RequestRelease>();

  constructor(private readonly options: RedisLockerOptions) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
    this.retryMs = options.retryMs ?? 100;
  }

  newLock(id: string): Lock {
    return new RedisLock(this, id);
  }

  get redis(): Redis {
    return this.options.redis;
  }

  keyOf(id: string): string {
    return `${this.options.keyPrefix}:tus-lock:${id}`;
  }

  channelOf(id: string): string {
    return `${this.options.keyPrefix}:tus-release:${id}`;
  }

  async listen(channel: string, release: RequestRelease): Promise<void> {
    this.held.set(channel, release);
    if (!this.subscriber) {
      this.subscriber = this.options.redis.duplicate();
      this.subscriber.on('message', (from: string) => void this.held.get(from)?.());
      // Connection problems are the command client's to report; a missed release request only delays a resume.
      this.subscriber.on('error', () => {});
    }
    await this.subscriber.subscribe(channel).catch(() => {});
  }

  async forget(channel: string): Promise<void> {
    this.held.delete(channel);
    await this.subscriber?.unsubscribe(channel).catch(() => {});
  }

  /** Closes the subscriber connection (the command client is the caller's). */
  async close(): Promise<void> {
    this.held.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }
}

class RedisLock implements Lock {
  private readonly token = randomBytes(16).toString('hex');
  private renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly locker: RedisLocker,
    private readonly id: string,
  ) {}

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { redis, ttlMs, acquireTimeoutMs, retryMs } = this.locker;
    const key = this.locker.keyOf(this.id);
    const channel = this.locker.channelOf(this.id);
    const deadline = Date.now() + acquireTimeoutMs;
    for (;;) {
      if (stopSignal.aborted) throw ERRORS.ABORTED;
      if ((await redis.set(key, this.token, 'PX', ttlMs, 'NX').catch(unavailable)) === 'OK') break;
      // Held elsewhere: ask the holder (in whichever process) to let go, then try again.
      await redis.publish(channel, 'release').catch(unavailable);
      if (Date.now() + retryMs > deadline) throw STILL_LOCKED;
      await pause(retryMs, stopSignal);
    }
    this.renewal = setInterval(
      () => void redis.eval(RENEW_IF_OWNED, 1, key, this.token, String(ttlMs)).catch(() => {}),
      Math.max(1_000, Math.floor(ttlMs / 3)),
    );
    this.renewal.unref();
    await this.locker.listen(channel, requestRelease);
  }

  async unlock(): Promise<void> {
    clearInterval(this.renewal);
    this.renewal = undefined;
    await this.locker.forget(this.locker.channelOf(this.id));
    // Redis gone meanwhile: the key's TTL frees the lock.
    await this.locker.redis.eval(RELEASE_IF_OWNED, 1, this.locker.keyOf(this.id), this.token).catch(() => {});
  }
}

/** Held by another request past the wait: 423, which tus clients retry (tus's own lock timeout is a 500). */
const STILL_LOCKED = {
  status_code: 423,
  body: 'another request is still writing this upload; retry shortly',
};

/** Redis down: a 503 the client retries (tus answers an error's status_code and body). */
const unavailable = (): never => {
  throw {
    status_code: 503,
    body: 'resumable uploads are unavailable (their lock store, Redis, is down); retry shortly',
  };
};

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
