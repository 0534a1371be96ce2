// The directory adapter: objects are files under one root (a volume, or a
// host directory that the bff and the worker both mount). A put writes
// `<key>.<random>.part`, flushes it to disk and renames it into place, so a
// reader never sees a half-written file and a failed put leaves none.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FilesystemStorageConfig } from '@zamio/env';
import { resolveByteRange } from './byte-range';
import { contentTypeOfKey } from './content-type-of-key';
import type { ObjectInfo, ObjectStorage } from './object-storage';
import { withinProbeDeadline } from './probe-deadline';
import {
  StorageObjectNotFoundError,
  StorageUnavailableError,
  type StorageFailureReason,
  type StorageOperation,
} from './storage-errors';
import { assertStorageKey, isStorageKey } from './storage-key';

// Any system-call failure means "the volume cannot serve us now" (503): the
// reason names the common ones, the rest are I/O errors. Other errors (the
// body's own, e.g. a refused upload) pass through unchanged.
const REASONS: Record<string, StorageFailureReason> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EACCES: 'access-denied',
  EPERM: 'access-denied',
  EROFS: 'access-denied',
  ETIMEDOUT: 'timeout',
  EHOSTDOWN: 'unreachable',
};

function asStorageError(error: unknown, operation: StorageOperation): unknown {
  const errno = error as NodeJS.ErrnoException | undefined;
  if (typeof errno?.syscall !== 'string') return error;
  return new StorageUnavailableError(REASONS[errno.code ?? ''] ?? 'io-error', operation, errno.message, {
    cause: error,
  });
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

export function createFilesystemStorage(config: FilesystemStorageConfig): ObjectStorage {
  const root = resolve(config.directory);
  const pathOf = (key: string) => join(root, ...assertStorageKey(key).split('/'));

  const storage: ObjectStorage = {
    kind: 'filesystem',
    location: `directory ${root}`,

    async put(key, body: Readable, options) {
      void options; // a directory keeps no metadata: the type is in the key's extension
      const path = pathOf(key);
      const part = `${path}.${randomBytes(6).toString('hex')}.part`;
      try {
        await mkdir(dirname(path), { recursive: true, mode: 0o750 });
        // flush: fsync before close, so a committed row never points at data still in the page cache.
        await pipeline(body, createWriteStream(part, { flags: 'wx', mode: 0o640, flush: true }));
        const { size } = await stat(part);
        await rename(part, path);
        return { key, size };
      } catch (error) {
        body.destroy();
        await rm(part, { force: true }).catch(() => {});
        throw asStorageError(error, 'put');
      }
    },

    async get(key, range) {
      const path = pathOf(key);
      let handle;
      try {
        handle = await open(path, 'r');
      } catch (error) {
        if (isMissing(error)) throw new StorageObjectNotFoundError(key);
        throw asStorageError(error, 'get');
      }
      try {
        const { size } = await handle.stat();
        const bounds = resolveByteRange(key, size, range);
        const body = handle.createReadStream({ ...bounds, autoClose: true });
        return { body, size, range: bounds, contentType: contentTypeOfKey(key) };
      } catch (error) {
        await handle.close();
        throw asStorageError(error, 'get');
      }
    },

    async read(key, range) {
      return (await storage.get(key, range)).body;
    },

    async head(key): Promise<ObjectInfo | undefined> {
      try {
        const info = await stat(pathOf(key));
        return {
          key,
          size: info.size,
          contentType: contentTypeOfKey(key),
          sha256: undefined,
          lastModified: info.mtime,
        };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw asStorageError(error, 'head');
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true }).catch((error: unknown) => {
        throw asStorageError(error, 'delete');
      });
    },

    signedUrl: async () => undefined,

    async *list() {
      let entries;
      try {
        entries = await readdir(root, { recursive: true, withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return;
        throw asStorageError(error, 'list');
      }
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const key = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
        if (!isStorageKey(key)) continue; // parts in progress, probe files, lost+found …
        const info = await stat(join(root, key)).catch(() => undefined);
        if (info) yield { key, size: info.size };
      }
    },

    async probe() {
      await withinProbeDeadline(config.timeouts.probeMs, async () => {
        const file = join(root, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
        try {
          await mkdir(root, { recursive: true, mode: 0o750 });
          await writeFile(file, 'ok', { flag: 'wx', mode: 0o600 });
        } catch (error) {
          throw asStorageError(error, 'probe');
        } finally {
          await rm(file, { force: true }).catch(() => {});
        }
      });
    },

    close: async () => {},
  };
  return storage;
}
