// The four roles and the rules of who may do what. Route plugins ask these
// functions; nothing else decides access, so the rules are tested here once.
export const ROLES = ['artist', 'station', 'publisher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles anyone may sign up for; admins are created by an admin or the bootstrap. */
export const SELF_SERVICE_ROLES = ['artist', 'station', 'publisher'] as const satisfies readonly Role[];
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

export const ACCOUNT_STATUSES = ['active', 'pending', 'disabled', 'rejected'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Stations and publishers are vetted by an admin before they can sign in. */
export const initialStatusFor = (role: SelfServiceRole): AccountStatus =>
  role === 'artist' ? 'active' : 'pending';

/** A signed-in browser session. */
export interface SessionPrincipal {
  via: 'session';
  /** The session id behind the cookie (CSRF tokens are bound to it). */
  sessionId: string;
  userId: string;
  role: Role;
  /** The station of a station account. */
  stationId?: string | undefined;
}

/** A station's capture device, authenticated by its token: always one station's. */
export interface DevicePrincipal {
  via: 'device-token';
  userId: string;
  role: 'station';
  stationId: string;
  deviceId: string;
}

/** Who is calling: resolved once per request, then asked by the route guards. */
export type Principal = SessionPrincipal | DevicePrincipal;

export const hasRole = <P extends { role: Role }>(
  principal: P | undefined,
  roles: readonly Role[],
): principal is P => principal !== undefined && roles.includes(principal.role);

/**
 * Ownership: a resource is visible only to its owner (or an admin when
 * `adminMayRead`). Callers answer 404 rather than 403 for someone else's
 * resource, so ids of other accounts cannot be probed.
 */
export function ownsResource(
  principal: Pick<Principal, 'userId' | 'role'>,
  ownerUserId: string,
  adminMayRead = false,
): boolean {
  return principal.userId === ownerUserId || (adminMayRead && principal.role === 'admin');
}
