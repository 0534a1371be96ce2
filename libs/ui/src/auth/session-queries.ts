// Who is signed in, as the bff's /auth endpoints say. A 401 is "nobody",
// not an error.
import { ApiError, type ApiClient } from '@zamio/api-client';
import type { SessionInfo, SignUpBody, User } from '@zamio/contracts';
import { rememberCsrfToken } from './csrf-token';

export const sessionQueryKey = ['session'] as const;

export async function fetchSession(api: ApiClient): Promise<SessionInfo | null> {
  try {
    const session = await api.get<SessionInfo>('/auth/me');
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export async function signIn(api: ApiClient, email: string, password: string): Promise<SessionInfo> {
  const session = await api.post<SessionInfo>('/auth/login', { email, password });
  rememberCsrfToken(session.csrfToken);
  return session;
}

export async function signOut(api: ApiClient): Promise<void> {
  await api.post('/auth/logout');
  rememberCsrfToken(undefined);
}

/** Creates an account; the answer says whether it is active or waits for approval. */
export const signUp = (api: ApiClient, body: SignUpBody): Promise<User> =>
  api.post<User>('/auth/signup', body);
