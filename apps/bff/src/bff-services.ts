// Every domain service the bff's routes call, built once from the platform
// and the config. A new feature adds its service here and its routes in
// routes/ (docs/architecture.md).
import {
  createAccountAdminService,
  createAccountProvisioning,
  createAccountService,
  createDeviceService,
  usersRepository,
} from '@zamio/accounts';
import {
  createAirplayReadService,
  createCaptureAudioService,
  createCaptureService,
  createDetectionReviewService,
  createInProcessAirplayEvents,
  createPlaylogService,
  createStationDirectory,
  createStationProfileService,
  createStreamService,
  provisionStation,
  type AirplayEvents,
} from '@zamio/airplay';
import {
  createSplitService,
  createTrackAudioService,
  createTrackService,
  type AccountLookup,
} from '@zamio/catalog';
import type { BffConfig } from '@zamio/env';
import { createDocumentService, uploadStorageOn } from '@zamio/files';
import { currentContext } from '@zamio/logger';
import type { Platform } from '@zamio/platform';
import {
  createAuditService,
  createCycleService,
  createDisputeService,
  createPayoutService,
  createPublisherService,
  createRateTableService,
  auditLogRepository,
  createStatementService,
} from '@zamio/royalties';
import { createHeartbeatService, createSystemStatusService } from '@zamio/system-status';
import { deferToSweep, type DeferredJobListener } from '@zamio/queue';
import {
  createResumableUploads,
  readObjectBytes,
  uploadRules,
  type Locker,
  type ObjectStorage,
} from '@zamio/uploads';

/** The catalogue's view of an account (it sits beside accounts, not above it). */
export const findAccount: AccountLookup = usersRepository.findById;

const requestId = () => currentContext()?.requestId ?? 'bff';

export interface BffServiceOptions {
  /** Where detection and play changes are announced (default: this process only). */
  airplayEvents?: AirplayEvents;
  /** Told of each capture or track audio stored while its job could not be queued (the sweep queues it). */
  onJobDeferred?: DeferredJobListener;
  /** The lock of resumable uploads across processes (Redis); this process's memory when omitted (embedded). */
  uploadLocker?: Locker;
}

/** `objects` is the platform's storage as this app uses it (instrumented with its metrics). */
export function createBffServices(
  platform: Pick<Platform, 'db' | 'jobs'>,
  config: Pick<BffConfig, 'session' | 'uploads' | 'streams'>,
  objects: ObjectStorage,
  options: BffServiceOptions = {},
) {
  const { db, jobs } = platform;
  const storage = uploadStorageOn(objects);
  const airplayEvents = options.airplayEvents ?? createInProcessAirplayEvents();
  // A station account gets its station in the transaction that creates it.
  const onAccountCreated = provisionStation;
  // Captures and track audio are committed before their job is queued: with
  // the queue down they are answered 2xx and left to the worker's lost-work sweep.
  const committedWork = deferToSweep(jobs, options.onJobDeferred ?? (() => {}));
  const streams = createStreamService({ db, allowPrivateAddresses: config.streams.allowPrivateAddresses });
  return {
    objects,
    storage,
    accounts: createAccountService({ db, sessionTtlMs: config.session.ttlMs, onAccountCreated }),
    // Approvals, rejections and disables land in the audit log in their own transaction.
    accountAdmin: createAccountAdminService({ db, recordAudit: auditLogRepository.append }),
    provisioning: createAccountProvisioning({ db, onAccountCreated }),
    devices: createDeviceService({ db }),
    documents: createDocumentService({ db, storage }),
    tracks: createTrackService({ db, storage, jobs: committedWork, findAccount, requestId }),
    splits: createSplitService({ db, findAccount }),
    captures: createCaptureService({ db, storage, jobs: committedWork, requestId }),
    playlogs: createPlaylogService({
      db,
      storage,
      readStoredUpload: (name) =>
        readObjectBytes(objects, name, { maxBytes: config.uploads.maxBytes['playlog-csv'] }),
    }),
    airplay: createAirplayReadService({ db }),
    reviews: createDetectionReviewService({ db, events: airplayEvents }),
    airplayEvents,
    heartbeats: createHeartbeatService({ db, jobs }),
    stationProfiles: createStationProfileService({ db }),
    streams,
    stationDirectory: createStationDirectory({ db }),
    systemStatus: createSystemStatusService({ db, jobs, streamHealth: streams.summariseStreamHealth }),
    rateTables: createRateTableService({ db }),
    cycles: createCycleService({ db, jobs }),
    statements: createStatementService({ db }),
    disputes: createDisputeService({ db }),
    payouts: createPayoutService({ db }),
    publishers: createPublisherService({ db }),
    audit: createAuditService({ db }),
    trackAudio: createTrackAudioService({ db, storage: objects }),
    // Resumable (tus) track audio: parts staged in the shared partial directory.
    trackAudioUploads: createResumableUploads({
      directory: config.uploads.partial.directory,
      expiryMs: config.uploads.partial.expiryMs,
      rule: uploadRules(config.uploads.maxBytes)['track-audio'],
      objects,
      locker: options.uploadLocker,
      locationOf: (path, id) => `${path.replace(/\/+$/, '')}/${id}`,
    }),
    captureAudio: createCaptureAudioService({ db, storage: objects }),
  };
}

export type BffServices = ReturnType<typeof createBffServices>;
