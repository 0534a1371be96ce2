// The account-aware part of /api: session + device-token authentication,
// CSRF, multipart uploads and the feature routes, in one encapsulated plugin
// so these hooks never touch health probes or /version.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Database } from '@zamio/db';
import type { BusinessMetrics } from '@zamio/server';
import { uploadRules, type UploadCaps } from '@zamio/uploads';
import { registerCsrfProtection } from '../plugins/csrf';
import { registerSession } from '../plugins/session';
import type { RateLimitSettings } from '../plugins/rate-limits';
import { accountRoutes } from './account-routes';
import { adminRoutes } from './admin-routes';
import { artistRoutes } from './artist-routes';
import { authRoutes } from './auth-routes';
import { stationRoutes } from './station-routes';
import type { RouteContext } from './route-context';

export interface SecuredApiOptions {
  db: Database;
  metrics: BusinessMetrics;
  sessionSecrets: readonly string[];
  secureCookies: boolean;
  sessionTtlMs: number;
  trustedOrigins: readonly string[];
  uploadDir: string;
  uploadCaps: UploadCaps;
  rateLimits: RateLimitSettings;
}

export async function securedApi(app: FastifyInstance, options: SecuredApiOptions): Promise<void> {
  const sessions = await registerSession(app, options.db, {
    secrets: options.sessionSecrets,
    secureCookies: options.secureCookies,
    ttlMs: options.sessionTtlMs,
  });
  registerCsrfProtection(app, { secrets: options.sessionSecrets, trustedOrigins: options.trustedOrigins });
  // Per-route limits are passed to request.parts(); these are the outer bounds.
  await app.register(multipart, {
    limits: { files: 1, fields: 4, fieldSize: 1_024, parts: 5, headerPairs: 50 },
  });

  const ctx: RouteContext = {
    db: options.db,
    sessions,
    sessionTtlMs: options.sessionTtlMs,
    uploadDir: options.uploadDir,
    uploadRules: uploadRules(options.uploadCaps),
    limits: { settings: options.rateLimits, metrics: options.metrics },
  };
  // Each feature is its own encapsulated plugin, so its guard hooks stay its own.
  for (const routes of [authRoutes, adminRoutes, artistRoutes, stationRoutes, accountRoutes]) {
    await app.register(async (child) => routes(child, ctx));
  }
}
