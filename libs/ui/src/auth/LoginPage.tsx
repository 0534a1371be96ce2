import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { ApiError } from '@zamio/api-client';
import type { SessionInfo } from '@zamio/contracts';
import { useApiClient } from '../api/api-client-context';
import { Button } from '../components/Button';
import { ErrorBanner } from '../components/ErrorBanner';
import { PasswordField } from '../forms/PasswordField';
import { TextField } from '../forms/TextField';
import { blockedAccountOf, type BlockedAccount } from './account-state';
import { AccountStatePage } from './AccountStatePage';
import { AuthLayout } from './AuthLayout';
import { signIn } from './session-queries';
import { EMAIL_RULES } from './email-rules';

export interface LoginPageProps {
  productName: string;
  roleLabel: string;
  onSignedIn: (session: SessionInfo) => void;
  /** Where "Create an account" links to; omitted for portals without self-service sign-up. */
  signUpPath?: string;
}

interface LoginForm {
  email: string;
  password: string;
}

/**
 * E-mail + password sign-in. A wrong password or too many attempts is said
 * above the form; a pending, rejected or disabled account gets a page about
 * its state (a rejected one with the administrator's reason).
 */
export function LoginPage({ productName, roleLabel, onSignedIn, signUpPath }: LoginPageProps) {
  const api = useApiClient();
  const [error, setError] = useState<string | undefined>();
  const [blocked, setBlocked] = useState<(BlockedAccount & { email: string }) | undefined>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginForm>({ mode: 'onTouched', defaultValues: { email: '', password: '' } });

  const submit = handleSubmit(async ({ email, password }) => {
    setError(undefined);
    try {
      onSignedIn(await signIn(api, email, password));
    } catch (caught) {
      const account = blockedAccountOf(caught);
      if (account) setBlocked({ ...account, email });
      else setError(caught instanceof ApiError ? messageOf(caught) : 'Sign-in failed. Try again.');
    }
  });

  if (blocked)
    return (
      <AccountStatePage
        {...blocked}
        productName={productName}
        roleLabel={roleLabel}
        onBack={() => setBlocked(undefined)}
      />
    );

  return (
    <AuthLayout
      title={`${productName} · ${roleLabel} sign-in`}
      data-testid="login-page"
      footer={
        signUpPath ? (
          <>
            New to {productName}?{' '}
            <Link to={signUpPath} data-testid="sign-up-link">
              Create a {roleLabel.toLowerCase()} account
            </Link>
          </>
        ) : undefined
      }
    >
      <form className="zamio-form" onSubmit={submit} noValidate aria-label={`${roleLabel} sign-in`}>
        {error ? <ErrorBanner title="Could not sign in" error={new Error(error)} /> : null}
        <TextField
          label="E-mail"
          type="email"
          autoComplete="username"
          required
          data-testid="login-email"
          error={errors.email?.message}
          {...register('email', EMAIL_RULES)}
        />
        <PasswordField
          label="Password"
          autoComplete="current-password"
          required
          data-testid="login-password"
          error={errors.password?.message}
          {...register('password', { required: 'Enter your password' })}
        />
        <Button
          type="submit"
          variant="primary"
          block
          loading={isSubmitting}
          loadingLabel="Signing in…"
          data-testid="login-submit"
        >
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}

function messageOf(error: ApiError): string {
  if (error.status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (error.status === 401) return 'Email or password is wrong.';
  if (error.status === 403) return error.message || 'This account cannot sign in yet.';
  return error.message || 'Sign-in failed. Try again.';
}
