// Every domain service the bff's routes call, built once from the platform
// and the config. A new feature adds its service here and its routes in
// routes/ (docs/architecture.md).
import {
  createAccountAdminService,
  createAccountProvisioning,
  createAccountService,
  createDeviceService,
} from '@zamio/accounts';
import { createCaptureAudioService, createCaptureService, provisionStation } from '@zamio/airplay';
import { createTrackAudioService, createTrackService } from '@zamio/catalog';
import type { BffConfig } from '@zamio/env';
import { createDocumentService, uploadStorageOn } from '@zamio/files';
import type { Platform } from '@zamio/platform';
import { createHeartbeatService } from '@zamio/system-status';
import type { ObjectStorage } from '@zamio/uploads';

/** `objects` is the platform's storage as this app uses it (instrumented with its metrics). */
export function createBffServices(
  platform: Pick<Platform, 'db' | 'jobs'>,
  config: Pick<BffConfig, 'session'>,
  objects: ObjectStorage,
) {
  const { db, jobs } = platform;
  const storage = uploadStorageOn(objects);
  // A station account gets its station in the transaction that creates it.
  const onAccountCreated = provisionStation;
  return {
    objects,
    storage,
    accounts: createAccountService({ db, sessionTtlMs: config.session.ttlMs, onAccountCreated }),
    accountAdmin: createAccountAdminService({ db }),
    provisioning: createAccountProvisioning({ db, onAccountCreated }),
    devices: createDeviceService({ db }),
    documents: createDocumentService({ db, storage }),
    tracks: createTrackService({ db, storage }),
    captures: createCaptureService({ db, storage }),
    heartbeats: createHeartbeatService({ db, jobs }),
    trackAudio: createTrackAudioService({ db, storage: objects }),
    captureAudio: createCaptureAudioService({ db, storage: objects }),
  };
}

export type BffServices = ReturnType<typeof createBffServices>;
