// A signed-in API session from Node, for seeding what a browser test needs
// (tracks, device tokens) through the same routes the portals call: the
// session cookies, and the CSRF token and Origin on state-changing requests.
import { DEMO_PASSWORD } from './portal-session';

export interface ApiSession {
  get<T>(path: string): Promise<T>;
  send<T>(method: string, path: string, body?: unknown): Promise<T>;
  upload<T>(method: string, path: string, form: FormData): Promise<T>;
}

export async function apiSession(
  bffUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
  const login = await fetch(`${bffUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: bffUrl },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');

  const call = async <T>(
    method: string,
    path: string,
    init: { body?: string | FormData; json?: boolean },
  ) => {
    const response = await fetch(`${bffUrl}/api${path}`, {
      method,
      headers: {
        cookie,
        origin: bffUrl,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        ...(init.json ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: (path) => call('GET', path, {}),
    send: (method, path, body) =>
      call(method, path, body === undefined ? {} : { body: JSON.stringify(body), json: true }),
    upload: (method, path, form) => call(method, path, { body: form }),
  };
}
