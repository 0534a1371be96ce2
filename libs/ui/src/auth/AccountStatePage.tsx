import { Button } from '../components/Button';
import { StatusBadge } from '../components/StatusBadge';
import type { BlockedAccountState } from './account-state';
import { AuthLayout } from './AuthLayout';

export interface AccountStatePageProps {
  state: BlockedAccountState;
  email: string;
  productName: string;
  roleLabel: string;
  /** Back to the sign-in form. */
  onBack: () => void;
}

/**
 * What a pending or disabled account sees instead of the portal: its state,
 * what happens next, and a way back to sign-in.
 */
export function AccountStatePage({ state, email, productName, roleLabel, onBack }: AccountStatePageProps) {
  const role = roleLabel.toLowerCase();
  return (
    <AuthLayout title={`${productName} · ${roleLabel} account`} data-testid="account-state">
      <p>
        <StatusBadge
          status={state}
          label={state === 'pending' ? 'Waiting for approval' : 'Disabled'}
          data-testid="account-state-badge"
        />
      </p>
      {state === 'pending' ? (
        <>
          <p data-testid="account-state-message">
            Your {role} account <strong>{email}</strong> is waiting for approval.
          </p>
          <p className="zamio-muted">
            An administrator checks every new {role} account before it can be used. Once it is approved you
            can sign in here with the same e-mail address and password. Nothing else is needed from you.
          </p>
        </>
      ) : (
        <>
          <p data-testid="account-state-message">
            The {role} account <strong>{email}</strong> is disabled.
          </p>
          <p className="zamio-muted">Contact the ZamIO administrators if you think this is a mistake.</p>
        </>
      )}
      <Button variant="secondary" block onClick={onBack} data-testid="account-state-back">
        Back to sign-in
      </Button>
    </AuthLayout>
  );
}
