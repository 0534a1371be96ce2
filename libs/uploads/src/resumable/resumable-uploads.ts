// Resumable uploads (tus 1.0, @tus/server): a large file arrives in parts
// (PATCH at an offset), each part appended to a staging file under a shared
// directory (@tus/file-store: `<id>` holds the bytes, `<id>.json` who and
// what it is for), so any bff process can take the next part. When the last
// byte arrives, the staged file goes through the very pipeline of the
// single-request upload (storeUploadIn: sniff, probe, size + SHA-256, then
// the storage's atomic put) and the caller's `finish` commits it; the staged
// copy is removed then, whatever the outcome.
//
// Why staging on the filesystem in S3 mode too (and not @tus/s3-store): the
// pipeline has to read every byte before anything is committed, so with
// s3-store the bytes would travel client → bff → bucket (parts) → bff →
// bucket again, leave unchecked objects and `.info` files in the uploads
// bucket, and need a bucket lifecycle rule for abandoned multipart uploads.
// A staging directory keeps the bucket holding checked files only.
//
// Callers (the bff's routes) authorise before handing a request over: the
// creating request names its owner and target (kept in the upload's info,
// whatever the client sent as metadata), later requests are checked with
// ownerOf(id).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FileConfigstore, FileStore } from '@tus/file-store';
import { NodeRequest } from 'srvx/node';
import { MemoryLocker, Server } from '@tus/server';
import { ERRORS, type Locker, type Upload } from '@tus/utils';

export type { Locker } from '@tus/utils';
import { storeUploadIn, type StoredUpload } from '../store-upload';
import type { ObjectStorage } from '../storage/object-storage';
import { UploadRejectedError } from '../upload-error';
import type { UploadKindRule } from '../upload-kinds';

/** Who may continue an upload and what it is for (e.g. the track whose audio it replaces). */
export interface UploadOwner {
  userId: string;
  targetId: string;
}

/** What `finish` receives: the staged file stored through the upload pipeline. */
export interface FinishedUpload {
  stored: StoredUpload;
  /** The client's file name (tus metadata `filename`), for display only. */
  originalName: string | undefined;
}

export interface ResumableRequest<T> {
  /** The signed-in caller and the target, already authorised by the caller. */
  owner: UploadOwner;
  /**
   * Runs once the last byte is staged: `receive` stores the file through the
   * pipeline (rejecting like a single-request upload), the result becomes the
   * final PATCH's JSON body.
   */
  finish: (receive: () => Promise<FinishedUpload>) => Promise<T>;
}

export interface ResumableUploadsOptions {
  /** The staging directory, shared by every bff process. */
  directory: string;
  /** Partial uploads older than this (from creation) are refused and swept. */
  expiryMs: number;
  rule: UploadKindRule;
  /** Where finished files go (the platform's storage). */
  objects: ObjectStorage;
  /** Cross-process lock (RedisLocker); one process's memory when omitted (embedded mode). */
  locker?: Locker;
  /** The Location of a new upload, from the creating request's path and the new id. */
  locationOf: (requestPath: string, id: string) => string;
}

export interface ResumableUploads {
  readonly rule: UploadKindRule;
  /**
   * Answers one tus request (POST, HEAD, PATCH, DELETE) for an authorised
   * caller; the body is read from `incoming` (nothing may have consumed it).
   * The answer is returned, not sent. A creation without Upload-Length, or
   * above the limit, is refused with UploadRejectedError (400/413).
   */
  handle<T>(
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    context: ResumableRequest<T>,
  ): Promise<ResumableAnswer>;
  /** The owner recorded when the upload was created, or undefined when there is no such upload. */
  ownerOf(id: string): Promise<UploadOwner | undefined>;
  /** Removes partial uploads past their expiry; returns how many. Safe to run in several processes at once. */
  sweepExpired(now?: Date): Promise<number>;
}

/** The tus answer, plus the error that made a finishing PATCH fail (for the caller's error mapping). */
export interface ResumableAnswer {
  response: Response;
  finishError: unknown;
}

/** Upload ids: what namingFunction makes; anything else cannot name a staged file. */
export const RESUMABLE_UPLOAD_ID = /^[0-9a-f]{32}$/;

const OWNER_KEY = 'zamio-user';
const TARGET_KEY = 'zamio-target';

interface RequestState {
  owner: UploadOwner;
  finish: ResumableRequest<unknown>['finish'];
  finishError?: unknown;
}

export function createResumableUploads(options: ResumableUploadsOptions): ResumableUploads {
  const { rule, objects } = options;
  // The store's own info reader (`<id>.json`), shared with the sweep below.
  const infos = new FileConfigstore(options.directory);
  const store = new FileStore({
    directory: options.directory,
    configstore: infos,
    expirationPeriodInMilliseconds: options.expiryMs,
  });
  const current = new AsyncLocalStorage<RequestState>();
  const stateOf = (): RequestState => {
    const state = current.getStore();
    if (!state) throw new Error('resumable upload handled outside handle()');
    return state;
  };

  const server = new Server({
    path: '/',
    datastore: store,
    locker: options.locker ?? new MemoryLocker(),
    maxSize: rule.maxBytes,
    relativeLocation: true,
    namingFunction: () => randomBytes(16).toString('hex'),
    generateUrl: (request, { id }) => options.locationOf(new URL(request.url).pathname, id),
    getFileIdFromRequest: (_request, lastPath) =>
      lastPath && RESUMABLE_UPLOAD_ID.test(lastPath) ? lastPath : undefined,
    // The owner comes from the session, never from the client's metadata.
    onUploadCreate: async (_request, upload) => {
      const { owner } = stateOf();
      return { metadata: { ...upload.metadata, [OWNER_KEY]: owner.userId, [TARGET_KEY]: owner.targetId } };
    },
    onUploadFinish: async (_request, upload) => {
      const state = stateOf();
      try {
        const body = await state.finish(() => receive(upload));
        await discard(upload.id);
        return {
          status_code: 200,
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: JSON.stringify(body),
        };
      } catch (error) {
        state.finishError = error;
        // Gone whatever the cause: a complete upload left behind would answer a
        // retry's HEAD with "all bytes here" and the client would take that for
        // success. After an outage (503) the client's retry finds no upload and
        // sends the file again into a new one.
        await discard(upload.id);
        throw { status_code: statusOf(error), body: error instanceof Error ? error.message : 'failed' };
      }
    },
  });

  async function receive(upload: Upload): Promise<FinishedUpload> {
    const source: Readable = store.read(upload.id);
    const stored = await storeUploadIn(objects, source, rule);
    return { stored, originalName: safeName(upload.metadata?.filename ?? undefined) };
  }

  async function discard(id: string): Promise<void> {
    await store.remove(id).catch(() => {});
  }

  return {
    rule,

    async handle(incoming, outgoing, context) {
      const request = new NodeRequest({ req: incoming, res: outgoing });
      if (request.method === 'POST') refuseBadCreation(request.headers, rule);
      const state: RequestState = {
        owner: context.owner,
        finish: context.finish as RequestState['finish'],
      };
      const response = await current.run(state, () => server.handleWeb(request));
      return { response, finishError: state.finishError };
    },

    async ownerOf(id) {
      if (!RESUMABLE_UPLOAD_ID.test(id)) return undefined;
      const upload = await store.getUpload(id).catch((error: unknown) => {
        if (error === ERRORS.FILE_NOT_FOUND || error === ERRORS.FILE_NO_LONGER_EXISTS) return undefined;
        throw error;
      });
      const userId = upload?.metadata?.[OWNER_KEY];
      const targetId = upload?.metadata?.[TARGET_KEY];
      return userId && targetId ? { userId, targetId } : undefined;
    },

    // Not FileStore.deleteExpired(): it keeps forever an upload whose last byte arrived but
    // whose finish never ran (a crash) and a bytes file whose info was never written, and one
    // info it cannot read stops it (the sweep test covers all three).
    async sweepExpired(now = new Date()) {
      const names = await readdir(options.directory).catch(() => [] as string[]);
      const ids = new Set(
        names.map((name) => name.replace(/\.json$/, '')).filter((id) => RESUMABLE_UPLOAD_ID.test(id)),
      );
      let removed = 0;
      for (const id of ids) {
        // Its age is the creation date in its info, which is what tus refuses PATCHes by; a
        // lone bytes file (a crash between the two writes) ages by its mtime.
        const created = await createdAt(infos, options.directory, id);
        if (created === undefined || now.getTime() - created <= options.expiryMs) continue;
        // Another process may sweep the same upload: a file already gone is not an error.
        await Promise.all(
          [id, `${id}.json`].map((name) => unlink(join(options.directory, name)).catch(() => {})),
        );
        removed += 1;
      }
      return removed;
    },
  };
}

/**
 * The creating request must say how large the file is (Upload-Length: no
 * deferred length, so the limit is known up front), within the kind's limit.
 */
function refuseBadCreation(headers: Headers, rule: UploadKindRule): void {
  const declared = headers.get('upload-length');
  if (declared === null || headers.get('upload-defer-length') !== null)
    throw new UploadRejectedError(400, 'Upload-Length is required: say the size of the whole file in bytes');
  if (!/^\d+$/.test(declared))
    throw new UploadRejectedError(400, 'Upload-Length must be a whole number of bytes');
  const size = Number(declared);
  if (size > rule.maxBytes)
    throw new UploadRejectedError(
      413,
      `the upload (${size} bytes) exceeds the limit of ${rule.maxBytes} bytes for ${rule.kind}`,
    );
  if (size === 0) throw new UploadRejectedError(400, 'the file is empty');
}

async function createdAt(infos: FileConfigstore, directory: string, id: string): Promise<number | undefined> {
  // get() answers undefined for an info that is missing or not JSON.
  const info = await infos.get(id).catch(() => undefined);
  const recorded = info?.creation_date ? Date.parse(info.creation_date) : NaN;
  if (Number.isFinite(recorded)) return recorded;
  const path = join(directory, id);
  return (await stat(path).catch(() => stat(`${path}.json`).catch(() => undefined)))?.mtimeMs;
}

/** For tus's own bookkeeping only: the bff answers with the error itself (ResumableAnswer.finishError). */
function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') return status;
  return (error as { kind?: unknown }).kind === 'unavailable' ? 503 : 500;
}

/** The client's file name is kept for display only, never used as a path. */
const safeName = (name: string | undefined): string | undefined =>
  name?.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || undefined;

/**
 * Sweeps expired partial uploads now and then every `everyMs` (a quarter of the
 * expiry, at most an hour, is plenty); returns the stop function.
 */
export function startPartialUploadSweep(
  uploads: Pick<ResumableUploads, 'sweepExpired'>,
  everyMs: number,
  report: (outcome: { removed: number } | { error: unknown }) => void,
): () => void {
  const sweep = () =>
    void uploads.sweepExpired().then(
      (removed) => report({ removed }),
      (error: unknown) => report({ error }),
    );
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  sweep();
  return () => clearInterval(timer);
}
