// /api/version: the release this bff runs (the Node version only to operators).
// The heartbeat routes are admin-only (system-status-routes.ts, behind the session).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { VersionInfo } from '@zamio/contracts';

export interface SystemRoutesOptions {
  /** What /version tells this caller (the Node version only to operators). */
  versionOf: (request: FastifyRequest) => VersionInfo;
}

export const systemRoutes: FastifyPluginAsyncTypebox<SystemRoutesOptions> = async (app, { versionOf }) => {
  app.get('/version', { schema: { response: { 200: VersionInfo } } }, async (request) => versionOf(request));
};
