// Signs in through the real /api/auth/login and answers the headers a browser
// would send afterwards: the session cookie, the CSRF token (for POST and the
// like) and its Origin. For tests that call admin-only routes with plain fetch.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// A type alias (not an interface), so it is a plain Record<string, string> for fetch.
export type SignedInHeaders = {
  cookie: string;
  'x-csrf-token': string;
  origin: string;
};

export async function signedInHeaders(
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<SignedInHeaders> {
  const origin = new URL(baseUrl).origin;
  let response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(credentials),
  });
  // Load shedding right after start-up answers 503 + Retry-After: try again like the portals do.
  for (let retry = 0; response.status === 503 && retry < 20; retry++) {
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 500));
    response = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify(credentials),
    });
  }
  const text = await response.text();
  if (response.status !== 200) throw new Error(`sign-in as ${credentials.email}: ${response.status} ${text}`);
  const { csrfToken } = JSON.parse(text) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken, origin };
}

/**
 * An administrator the bff creates at start (BOOTSTRAP_ADMIN_EMAIL and a
 * password file, as in production): one account, one password hash — cheaper
 * than the demo data for tests that only need to call admin routes.
 */
export function bootstrapAdmin(): {
  env: Record<string, string>;
  credentials: { email: string; password: string };
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'zamio-admin-'));
  const password = `test-admin-${randomBytes(12).toString('hex')}`;
  const file = join(dir, 'admin-password');
  writeFileSync(file, password, { mode: 0o600 });
  const email = 'ops@example.test';
  return {
    env: { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD_FILE: file },
    credentials: { email, password },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
