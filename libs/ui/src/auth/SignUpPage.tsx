import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import type { SignUpBody, User } from '@zamio/contracts';
import { useApiClient } from '../api/api-client-context';
import { Button } from '../components/Button';
import { ErrorBanner } from '../components/ErrorBanner';
import { PasswordField } from '../forms/PasswordField';
import { TextField } from '../forms/TextField';
import { passwordProblem, passwordRulesOf } from '../forms/password-rules';
import { serverFormErrors } from '../forms/server-errors';
import { withArticle } from '../format/numbers';
import { AccountStatePage } from './AccountStatePage';
import { AuthLayout } from './AuthLayout';
import { EMAIL_RULES } from './email-rules';
import { sessionQueryKey, signIn, signUp } from './session-queries';

export type SelfServiceRole = SignUpBody['role'];

export interface SignUpPageProps {
  productName: string;
  roleLabel: string;
  role: SelfServiceRole;
  /** Where "Already registered? Sign in" goes. */
  signInPath?: string;
}

type SignUpForm = Pick<SignUpBody, 'displayName' | 'email' | 'password'>;
const FIELDS = ['displayName', 'email', 'password'] as const;

const NAME_LABEL: Record<SelfServiceRole, { label: string; hint: string }> = {
  artist: { label: 'Artist or band name', hint: 'As it appears on your releases.' },
  station: { label: 'Station name', hint: 'The on-air name, e.g. "Joy FM".' },
  publisher: { label: 'Publisher name', hint: 'The company name on your contracts.' },
};

const RULES = passwordRulesOf();

/**
 * Self-service sign-up for artists, stations and publishers. Rules show inline
 * while typing; server refusals land on their field (e-mail taken, too short).
 * Artists are active at once and signed straight in; stations and publishers
 * see that their account waits for an administrator's approval.
 */
export function SignUpPage({ productName, roleLabel, role, signInPath = '/' }: SignUpPageProps) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | undefined>();
  const [pending, setPending] = useState<User | undefined>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignUpForm>({
    mode: 'onTouched',
    defaultValues: { displayName: '', email: '', password: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    let user: User;
    try {
      user = await signUp(api, { ...values, displayName: values.displayName.trim(), role });
    } catch (caught) {
      const mapped = serverFormErrors(caught, { fields: FIELDS, conflictField: 'email' });
      for (const field of FIELDS) {
        const message = mapped.fields[field];
        if (message) setError(field, { type: 'server', message }, { shouldFocus: true });
      }
      setFormError(mapped.form);
      return;
    }
    if (user.status !== 'active') {
      setPending(user);
      return;
    }
    try {
      queryClient.setQueryData(sessionQueryKey, await signIn(api, values.email, values.password));
      await navigate('/');
    } catch {
      setFormError('Your account was created, but signing in failed. Sign in with your new password.');
    }
  });

  if (pending)
    return (
      <AccountStatePage
        state="pending"
        email={pending.email}
        productName={productName}
        roleLabel={roleLabel}
        onBack={() => void navigate(signInPath)}
      />
    );

  const name = NAME_LABEL[role];
  return (
    <AuthLayout
      title={`Create ${withArticle(roleLabel.toLowerCase())} account`}
      data-testid="signup-page"
      footer={
        <>
          Already registered?{' '}
          <Link to={signInPath} data-testid="sign-in-link">
            Sign in
          </Link>
        </>
      }
    >
      {role !== 'artist' ? (
        <p className="zamio-muted">
          New {roleLabel.toLowerCase()} accounts are checked by an administrator before they can be used.
        </p>
      ) : null}
      <form className="zamio-form" onSubmit={submit} noValidate aria-label={`${roleLabel} sign-up`}>
        {formError ? <ErrorBanner title="Could not create the account" error={new Error(formError)} /> : null}
        <TextField
          label={name.label}
          hint={name.hint}
          autoComplete={role === 'artist' ? 'nickname' : 'organization'}
          required
          data-testid="signup-name"
          error={errors.displayName?.message}
          {...register('displayName', {
            validate: (value) => (value.trim() === '' ? `Enter the ${name.label.toLowerCase()}` : true),
            maxLength: { value: 120, message: 'At most 120 characters' },
          })}
        />
        <TextField
          label="E-mail"
          type="email"
          autoComplete="email"
          required
          data-testid="signup-email"
          error={errors.email?.message}
          {...register('email', EMAIL_RULES)}
        />
        <PasswordField
          label="Password"
          autoComplete="new-password"
          required
          rules={RULES}
          hint="A long passphrase is easiest: several words you will remember."
          data-testid="signup-password"
          error={errors.password?.message}
          {...register('password', { validate: (value) => passwordProblem(value, RULES) ?? true })}
        />
        <Button
          type="submit"
          variant="primary"
          block
          loading={isSubmitting}
          loadingLabel="Creating the account…"
          data-testid="signup-submit"
        >
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
