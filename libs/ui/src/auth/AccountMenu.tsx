import { LogOut } from '../icons';
import { Button } from '../components/Button';
import { useSession } from './session-context';

/** Signed-in user and sign-out: in the header on wide screens, in the drawer on narrow ones. */
export function AccountMenu() {
  const { session, signOut } = useSession();
  return (
    <span className="zamio-account">
      <span className="zamio-account__name" data-testid="signed-in-user" title={session.user.email}>
        {session.user.displayName}
      </span>
      <Button
        size="sm"
        variant="secondary"
        icon={<LogOut size={16} />}
        data-testid="sign-out"
        onClick={() => void signOut()}
      >
        Sign out
      </Button>
    </span>
  );
}
