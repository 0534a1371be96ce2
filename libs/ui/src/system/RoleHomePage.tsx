import type { ReactNode } from 'react';
import { BackendStatus } from './BackendStatus';

export interface RoleHomePageProps {
  /** Role-specific heading, e.g. "Artist dashboard". */
  heading: string;
  children?: ReactNode;
}

/** A portal's landing page: its heading, an intro, and the backend it is talking to. */
export function RoleHomePage({ heading, children }: RoleHomePageProps) {
  return (
    <>
      <h1 data-testid="role-home">{heading}</h1>
      {children}
      <BackendStatus />
    </>
  );
}
