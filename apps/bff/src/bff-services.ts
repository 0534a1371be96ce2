// Every domain service the bff's routes call, built once from the platform
// and the config. A new feature adds its service here and its routes in
// routes/ (docs/architecture.md).
import {
  createAccountAdminService,
  createAccountProvisioning,
  createAccountService,
  createDeviceService,
} from '@zamio/accounts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createCaptureService,
  createPlaylogService,
  createStreamService,
  provisionStation,
} from '@zamio/airplay';
import { createTrackService } from '@zamio/catalog';
import type { BffConfig } from '@zamio/env';
import { createDocumentService, localUploadStorage } from '@zamio/files';
import type { Platform } from '@zamio/platform';
import { createHeartbeatService } from '@zamio/system-status';

export function createBffServices(
  platform: Platform,
  config: Pick<BffConfig, 'session' | 'uploads' | 'streams'>,
) {
  const { db, jobs } = platform;
  const storage = localUploadStorage(config.uploads.dir);
  // A station account gets its station in the transaction that creates it.
  const onAccountCreated = provisionStation;
  return {
    storage,
    accounts: createAccountService({ db, sessionTtlMs: config.session.ttlMs, onAccountCreated }),
    accountAdmin: createAccountAdminService({ db }),
    provisioning: createAccountProvisioning({ db, onAccountCreated }),
    devices: createDeviceService({ db }),
    documents: createDocumentService({ db, storage }),
    tracks: createTrackService({ db, storage }),
    captures: createCaptureService({ db, storage }),
    playlogs: createPlaylogService({
      db,
      storage,
      readStoredUpload: (name) => readFile(join(config.uploads.dir, name)),
    }),
    heartbeats: createHeartbeatService({ db, jobs }),
    streams: createStreamService({ db, allowPrivateAddresses: config.streams.allowPrivateAddresses }),
  };
}

export type BffServices = ReturnType<typeof createBffServices>;
