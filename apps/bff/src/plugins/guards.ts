// Route guards: who may call a route at all. Each guard is the onRequest
// hook that refuses everyone else — before the body is read or validated, so
// an anonymous caller learns nothing about a route's schema (401, not 400) —
// and the one way a handler reads the caller,
// typed as the guard admitted it (no `request.principal!`). Ownership (whose
// rows) is the services' business, answered 404.
import type { FastifyRequest } from 'fastify';
import {
  hasRole,
  type DevicePrincipal,
  type Principal,
  type Role,
  type SessionPrincipal,
} from '@zamio/accounts';
import { forbidden, unauthenticated } from '@zamio/errors';

export interface Guard<P extends Principal> {
  /** onRequest hook (after the session plugin's): throws 401/403 unless the caller qualifies. */
  (request: FastifyRequest): Promise<void>;
  /** The admitted caller (throws as the hook would, should a route lack it). */
  principalOf(request: FastifyRequest): P;
}

function guard<P extends Principal>(admit: (principal: Principal | undefined) => P): Guard<P> {
  const principalOf = (request: FastifyRequest) => admit(request.principal);
  const onRequest = async (request: FastifyRequest) => void principalOf(request);
  return Object.assign(onRequest, { principalOf });
}

const admitSession =
  (roles: readonly Role[]) =>
  (principal: Principal | undefined): SessionPrincipal => {
    if (!principal || principal.via !== 'session') throw unauthenticated();
    if (!hasRole(principal, roles)) throw forbidden(`this route is for ${roles.join(' or ')} accounts`);
    return principal;
  };

/** A signed-in browser session with one of the roles. */
export const sessionGuard = (...roles: Role[]): Guard<SessionPrincipal> => guard(admitSession(roles));

/** A station account's session, with its station. */
export const stationSessionGuard = (): Guard<SessionPrincipal & { stationId: string }> => {
  const admitStation = admitSession(['station']);
  return guard((principal) => {
    const admitted = admitStation(principal);
    if (!admitted.stationId) throw forbidden('this account has no station');
    return { ...admitted, stationId: admitted.stationId };
  });
};

/** A station capture device's token. */
export const deviceGuard = (): Guard<DevicePrincipal> =>
  guard((principal) => {
    if (principal?.via !== 'device-token')
      throw unauthenticated('a station device token (Authorization: Bearer zdt_…) is required');
    return principal;
  });
