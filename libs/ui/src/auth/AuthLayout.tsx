import type { ReactNode } from 'react';
import { ThemeToggle } from '../theme/ThemeToggle';
import '../styles/zamio.css';

export interface AuthLayoutProps {
  /** Heading of the panel. */
  title: ReactNode;
  children: ReactNode;
  /** Below the panel's content, e.g. "No account yet? Sign up". */
  footer?: ReactNode;
  'data-testid'?: string;
}

/** The centred panel of sign-in, sign-up and account-state pages, with the theme toggle. */
export function AuthLayout({ title, children, footer, 'data-testid': testId }: AuthLayoutProps) {
  return (
    <main className="zamio-login" data-testid={testId}>
      <div className="zamio-login__theme">
        <ThemeToggle />
      </div>
      <div className="zamio-login__panel">
        <h1>{title}</h1>
        {children}
        {footer ? <p className="zamio-login__alt">{footer}</p> : null}
      </div>
    </main>
  );
}
