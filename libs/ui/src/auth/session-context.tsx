import { createContext, useContext } from 'react';
import type { SessionInfo } from '@zamio/contracts';

export interface SessionState {
  session: SessionInfo;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

/** The signed-in user of this portal; only inside <SessionGate>. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession must be used inside <SessionGate>');
  return state;
}
