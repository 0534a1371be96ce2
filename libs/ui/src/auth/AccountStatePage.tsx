import { Button } from '../components/Button';
import { StatusBadge } from '../components/StatusBadge';
import type { BlockedAccountState } from './account-state';
import { AuthLayout } from './AuthLayout';

export interface AccountStatePageProps {
  state: BlockedAccountState;
  email: string;
  /** The administrator's reason, for a rejected account. */
  reason?: string | undefined;
  productName: string;
  roleLabel: string;
  /** Back to the sign-in form. */
  onBack: () => void;
}

const BADGE_LABEL: Record<BlockedAccountState, string> = {
  pending: 'Waiting for approval',
  rejected: 'Not approved',
  disabled: 'Disabled',
};

/**
 * What a pending, rejected or disabled account sees instead of the portal:
 * its state (a rejection with the administrator's reason), what happens next,
 * and a way back to sign-in.
 */
export function AccountStatePage({
  state,
  email,
  reason,
  productName,
  roleLabel,
  onBack,
}: AccountStatePageProps) {
  const role = roleLabel.toLowerCase();
  return (
    <AuthLayout title={`${productName} · ${roleLabel} account`} data-testid="account-state">
      <p>
        <StatusBadge status={state} label={BADGE_LABEL[state]} data-testid="account-state-badge" />
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
      ) : state === 'rejected' ? (
        <>
          <p data-testid="account-state-message">
            Your {role} account <strong>{email}</strong> was not approved.
          </p>
          <p>Reason given by the administrator:</p>
          <blockquote className="zamio-quote" data-testid="account-state-reason">
            {reason ?? 'No reason was given.'}
          </blockquote>
          <p className="zamio-muted">
            If you can fix what is described, or think this is a mistake, contact the ZamIO administrators and
            ask them to look at the account again.
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
