import { useState, type FormEvent } from 'react';
import { ApiError } from '@zamio/api-client';
import { useApiClient } from '../api/api-client-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { signIn } from './session-queries';
import type { SessionInfo } from '@zamio/contracts';

export interface LoginPageProps {
  productName: string;
  roleLabel: string;
  onSignedIn: (session: SessionInfo) => void;
}

/** Email + password sign-in; errors name the problem (wrong password, too many attempts, pending approval). */
export function LoginPage({ productName, roleLabel, onSignedIn }: LoginPageProps) {
  const api = useApiClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signIn(api, email, password));
    } catch (caught) {
      setError(caught instanceof ApiError ? messageOf(caught) : 'Sign-in failed. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="zamio-login" data-testid="login-page">
      <form className="zamio-login__form" onSubmit={submit} aria-labelledby="zamio-login-title">
        <h1 id="zamio-login-title">
          {productName} · {roleLabel} sign-in
        </h1>
        {error ? <ErrorBanner title="Could not sign in" error={new Error(error)} /> : null}
        <label>
          Email
          <input
            data-testid="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button data-testid="login-submit" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

function messageOf(error: ApiError): string {
  if (error.status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (error.status === 401) return 'Email or password is wrong.';
  if (error.status === 403) return error.message || 'This account cannot sign in yet.';
  return error.message || 'Sign-in failed. Try again.';
}
