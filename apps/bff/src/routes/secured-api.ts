// The account-aware part of /api: session and device-token authentication,
// CSRF, multipart uploads and the feature routes, in one encapsulated plugin
// so these hooks never touch health probes or /version.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Database } from '@zamio/db';
import { idempotencyPlugin } from '@zamio/http';
import type { BffConfig } from '@zamio/env';
import { uploadRules } from '@zamio/uploads';
import type { LiveFeed } from '@zamio/airplay';
import type { BusinessMetrics } from '@zamio/metrics';
import type { HealthReport } from '@zamio/health';
import { csrfPlugin } from '../plugins/csrf';
import { liveUpdatesPlugin } from '../plugins/live-updates';
import { multipartUploadsPlugin } from '../plugins/multipart-uploads';
import { sessionPlugin } from '../plugins/session';
import type { BffServices } from '../bff-services';
import { accountRoutes } from './account-routes';
import { adminRoutes } from './admin-routes';
import { artistRoutes } from './artist-routes';
import { audioRoutes } from './audio-routes';
import { authRoutes } from './auth-routes';
import { playlogRoutes } from './playlog-routes';
import { resumableUploadRoutes } from './resumable-upload-routes';
import { stationProfileRoutes } from './station-profile-routes';
import { stationRoutes } from './station-routes';
import { streamRoutes } from './stream-routes';
import { auditRoutes } from './audit-routes';
import { cyclesRoutes } from './cycles-routes';
import { disputesRoutes } from './disputes-routes';
import { payoutsRoutes } from './payouts-routes';
import { publisherRoutes } from './publisher-routes';
import { rateTableRoutes } from './rate-table-routes';
import { statementsRoutes } from './statements-routes';
import { stationDirectoryRoutes } from './station-directory-routes';
import { systemStatusRoutes } from './system-status-routes';

export interface SecuredApiOptions {
  services: BffServices;
  config: Pick<BffConfig, 'session' | 'http' | 'uploads' | 'limits'>;
  /** Where Idempotency-Key answers are kept. */
  db: Database;
  /** New detections and plays for the open portals (GET /api/live). */
  live: { feed: LiveFeed; metrics: BusinessMetrics };
  /** This process's /health report with details, for the admin status page. */
  healthReport: () => Promise<HealthReport>;
}

/** Whose Idempotency-Key it is: the device or user the guards admit, else the client address. */
const idempotencyScopeOf = ({ principal, ip }: FastifyRequest): string =>
  principal
    ? principal.via === 'device-token'
      ? `device:${principal.deviceId}`
      : `user:${principal.userId}`
    : `ip:${ip}`;

export const securedApi: FastifyPluginAsync<SecuredApiOptions> = async (
  app,
  { services, config, db, live, healthReport },
) => {
  await app.register(sessionPlugin, {
    secrets: config.session.secrets,
    secureCookies: config.session.secureCookies,
    ttlMs: config.session.ttlMs,
    resolveSession: services.accounts.resolveSession,
    resolveDeviceToken: services.devices.resolveDeviceToken,
  });
  await app.register(csrfPlugin, {
    secrets: config.session.secrets,
    trustedOrigins: config.http.trustedOrigins,
  });
  await app.register(multipartUploadsPlugin, {
    rules: uploadRules(config.uploads.maxBytes),
    objects: services.objects,
  });

  // Creating routes opt in with `config: { idempotent: true }`.
  await app.register(idempotencyPlugin, { db, scopeOf: idempotencyScopeOf });

  // Each feature is its own encapsulated plugin, so its guard hooks stay its own.
  await app.register(authRoutes, { accounts: services.accounts, signInPolicy: config.limits.signIn });
  await app.register(adminRoutes, { accountAdmin: services.accountAdmin });
  await app.register(artistRoutes, {
    tracks: services.tracks,
    splits: services.splits,
    airplay: services.airplay,
  });
  await app.register(resumableUploadRoutes, {
    tracks: services.tracks,
    trackAudioUploads: services.trackAudioUploads,
  });
  await app.register(stationRoutes, {
    devices: services.devices,
    captures: services.captures,
    airplay: services.airplay,
    reviews: services.reviews,
  });
  await app.register(stationProfileRoutes, { profiles: services.stationProfiles });
  await app.register(accountRoutes, { documents: services.documents });
  await app.register(streamRoutes, { streams: services.streams });
  await app.register(liveUpdatesPlugin, {
    feed: live.feed,
    metrics: live.metrics,
    trustedOrigins: config.http.trustedOrigins,
  });
  await app.register(playlogRoutes, { playlogs: services.playlogs });
  await app.register(audioRoutes, { trackAudio: services.trackAudio, captureAudio: services.captureAudio });
  // The money side (libs/royalties).
  await app.register(rateTableRoutes, { rateTables: services.rateTables });
  await app.register(cyclesRoutes, { cycles: services.cycles, statements: services.statements });
  await app.register(statementsRoutes, { statements: services.statements });
  await app.register(disputesRoutes, { disputes: services.disputes });
  await app.register(payoutsRoutes, { payouts: services.payouts });
  await app.register(publisherRoutes, { publishers: services.publishers });
  await app.register(auditRoutes, { audit: services.audit });
  // Operations (admin only): stations, heartbeats and the system status page.
  await app.register(stationDirectoryRoutes, { stations: services.stationDirectory });
  await app.register(systemStatusRoutes, {
    heartbeats: services.heartbeats,
    systemStatus: services.systemStatus,
    healthReport,
  });
};
