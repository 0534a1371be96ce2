// During an outage a client repeats the same error on every reconnect attempt
// (ioredis, BullMQ: several a second at first): logged each time, a 20 s
// Redis outage would flood the log. A repeat limiter lets one line per
// distinct problem through every `repeatMs`; the connection's state lines
// (down / back) say the rest.
export type RepeatLimiter = (key: string) => boolean;

/** true when `key` was not let through within the last `repeatMs` (then it is, from now). */
export function createRepeatLimiter(repeatMs = 30_000, maxKeys = 100): RepeatLimiter {
  const lastLogged = new Map<string, number>();
  return (key) => {
    const now = Date.now();
    if (now - (lastLogged.get(key) ?? -Infinity) < repeatMs) return false;
    lastLogged.delete(key);
    lastLogged.set(key, now);
    // Bounded: errors naming changing addresses or ids must not grow it forever.
    if (lastLogged.size > maxKeys) lastLogged.delete(lastLogged.keys().next().value!);
    return true;
  };
}
