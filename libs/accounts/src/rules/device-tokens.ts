// Per-device API tokens for station capture devices: a random secret shown
// once, stored only as a SHA-256 hash (a fast hash is right here: the token
// has 256 bits of entropy, unlike a password), scoped to one station.
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'zdt_';
const TOKEN_FORMAT = /^zdt_[A-Za-z0-9_-]{43}$/;

export const issueDeviceToken = (): { token: string; hash: string } => {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashDeviceToken(token) };
};

export const hashDeviceToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const looksLikeDeviceToken = (token: string): boolean => TOKEN_FORMAT.test(token);

/** The token from an `Authorization: Bearer <token>` header, if well-formed. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([^\s]+)$/i.exec(header?.trim() ?? '');
  return match && looksLikeDeviceToken(match[1]!) ? match[1] : undefined;
}
