import { useSession } from './session-context';

/** Signed-in user and sign-out, in the shell's header. */
export function AccountMenu() {
  const { session, signOut } = useSession();
  return (
    <span className="zamio-account">
      <span data-testid="signed-in-user">{session.user.displayName}</span>
      <button type="button" data-testid="sign-out" onClick={() => void signOut()}>
        Sign out
      </button>
    </span>
  );
}
