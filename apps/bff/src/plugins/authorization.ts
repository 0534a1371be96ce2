// Route guards: who may call a route at all. Ownership (whose rows) is
// enforced in each route's SQL by the principal's id, answering 404.
import type { FastifyRequest } from 'fastify';
import { forbidden, hasRole, unauthorized, type Principal, type Role } from '@zamio/auth';

/** preHandler: a signed-in browser session with one of the roles. */
export const requireSessionRole =
  (...roles: Role[]) =>
  async (request: FastifyRequest): Promise<void> => {
    const principal = request.principal;
    if (!principal || principal.via !== 'session') throw unauthorized();
    if (!hasRole(principal, roles)) throw forbidden(`this route is for ${roles.join(' or ')} accounts`);
  };

/** preHandler: a station capture device token. */
export const requireDeviceToken = async (request: FastifyRequest): Promise<void> => {
  if (request.principal?.via !== 'device-token')
    throw unauthorized('a station device token (Authorization: Bearer zdt_…) is required');
};

/** The principal of a guarded route (the guard already ran). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
