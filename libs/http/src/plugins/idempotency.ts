// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) for routes
// that create: `config: { idempotent: true }`. The first request with a key
// claims it (a row in idempotency_keys, per caller); its successful answer is
// stored and every repeat gets that same answer (with Idempotent-Replayed:
// true) instead of creating again. The same key with a different request is
// 422; a repeat while the first still runs is 409; a failed request (4xx/5xx)
// frees its key so the client can retry. Requests without the header behave
// as before. Runs as a preHandler — after authentication and validation — so
// keys are scoped to the caller the guards admitted.
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import type { Database } from '@zamio/db';
import { conflict, invalid } from '@zamio/errors';
import { FASTIFY_VERSION, PLUGIN } from '../plugin-names';
import * as keys from '../repositories/idempotency-keys-repository';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Accepts Idempotency-Key: a repeat with the same key returns the first answer. */
    idempotent?: boolean;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

export interface IdempotencyOptions {
  db: Database;
  /** Who the key belongs to: e.g. `user:<id>`; the client address before sign-in. */
  scopeOf: (request: FastifyRequest) => string;
  /** How long an answer is replayed (the draft suggests at least 24 h). */
  ttlMs?: number;
  /** How long a running request holds its key; longer than any request may take. */
  lockMs?: number;
}

/** Keys are opaque strings (e.g. a UUID), quoted or not as a structured-field string. */
const KEY = /^[\x21-\x7e]{1,255}$/;

const claimed = new WeakMap<FastifyRequest, { scope: string; key: string }>();

/** 422 Unprocessable Content (the draft's answer): the key was used with another request. */
class KeyReusedError extends Error {
  readonly statusCode = 422;
  constructor() {
    super('this Idempotency-Key was already used with a different request; use a new key');
    this.name = 'KeyReusedError';
  }
}

/** A multipart body (an upload), streamed by the handler rather than parsed before it. */
const isMultipart = (request: FastifyRequest) =>
  /^multipart\//i.test(String(request.headers['content-type'] ?? ''));

function fingerprintOf(request: FastifyRequest): string {
  // Multipart bodies are streamed later, so they are known by their size;
  // JSON bodies by their parsed content.
  const body = isMultipart(request)
    ? `multipart:${request.headers['content-length'] ?? 'chunked'}`
    : JSON.stringify(request.body ?? null);
  return createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url ?? request.url}\n${body}`)
    .digest('hex');
}

const idempotency: FastifyPluginCallback<IdempotencyOptions> = (app, options, done) => {
  const ttlMs = options.ttlMs ?? 24 * 3_600_000;
  const lockMs = options.lockMs ?? 120_000;
  let claims = 0;

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return;
    const key = (Array.isArray(header) ? header[0]! : header).trim().replace(/^"(.*)"$/, '$1');
    if (!KEY.test(key)) throw invalid('Idempotency-Key must be 1–255 visible ASCII characters (e.g. a UUID)');
    const scope = options.scopeOf(request);
    const result = await keys.claim(options.db, {
      scope,
      key,
      fingerprint: fingerprintOf(request),
      method: request.method,
      path: request.routeOptions.url ?? request.url,
      lockMs,
      ttlMs,
    });
    if (result.claimed) {
      claimed.set(request, { scope, key });
      // Now and then, sweep expired rows (cheap, bounded, off the answer's path).
      if (++claims % 100 === 0)
        keys
          .purgeExpired(options.db)
          .catch((error: unknown) => request.log.warn({ err: error }, 'idempotency purge failed'));
      return;
    }
    const { existing } = result;
    if (existing.fingerprint !== fingerprintOf(request)) throw new KeyReusedError();
    if (existing.statusCode === null)
      throw conflict('a request with this Idempotency-Key is still being processed; retry shortly');
    reply.code(existing.statusCode).header(REPLAYED_HEADER, 'true');
    if (existing.contentType) reply.header('content-type', existing.contentType);
    // The upload body of a replayed request is not read: drop it unread.
    if (isMultipart(request)) request.raw.resume();
    return reply.send(existing.body ?? undefined);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const mine = claimed.get(request);
    if (!mine) return payload;
    claimed.delete(request);
    if (reply.statusCode >= 400) await keys.release(options.db, mine.scope, mine.key);
    else
      await keys.complete(options.db, mine.scope, mine.key, {
        statusCode: reply.statusCode,
        contentType: String(reply.getHeader('content-type') ?? '') || null,
        body:
          typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null,
      });
    return payload;
  });
  done();
};

export const idempotencyPlugin = fp(idempotency, {
  name: PLUGIN.idempotency,
  fastify: FASTIFY_VERSION,
  dependencies: [PLUGIN.errorHandler],
});
