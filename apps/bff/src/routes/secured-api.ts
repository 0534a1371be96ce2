// The account-aware part of /api: session and device-token authentication,
// CSRF, multipart uploads and the feature routes, in one encapsulated plugin
// so these hooks never touch health probes or /version.
import type { FastifyPluginAsync } from 'fastify';
import type { BffConfig } from '@zamio/env';
import { uploadRules } from '@zamio/uploads';
import { csrfPlugin } from '../plugins/csrf';
import { multipartUploadsPlugin } from '../plugins/multipart-uploads';
import { sessionPlugin } from '../plugins/session';
import type { BffServices } from '../bff-services';
import { accountRoutes } from './account-routes';
import { adminRoutes } from './admin-routes';
import { artistRoutes } from './artist-routes';
import { audioRoutes } from './audio-routes';
import { authRoutes } from './auth-routes';
import { stationRoutes } from './station-routes';

export interface SecuredApiOptions {
  services: BffServices;
  config: Pick<BffConfig, 'session' | 'http' | 'uploads'>;
}

export const securedApi: FastifyPluginAsync<SecuredApiOptions> = async (app, { services, config }) => {
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

  // Each feature is its own encapsulated plugin, so its guard hooks stay its own.
  await app.register(authRoutes, { accounts: services.accounts });
  await app.register(adminRoutes, { accountAdmin: services.accountAdmin });
  await app.register(artistRoutes, { tracks: services.tracks });
  await app.register(stationRoutes, { devices: services.devices, captures: services.captures });
  await app.register(accountRoutes, { documents: services.documents });
  await app.register(audioRoutes, { trackAudio: services.trackAudio, captureAudio: services.captureAudio });
};
