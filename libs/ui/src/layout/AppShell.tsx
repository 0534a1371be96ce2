import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useRuntimeConfig } from '../runtime-config/runtime-config-context';
import { ThemeToggle } from '../theme/ThemeToggle';
import type { NavigationItem } from './navigation';
// The theme travels with the shell: a barrel import would be tree-shaken away.
import '../styles/zamio.css';

export interface AppShellProps {
  productName: string;
  /** Which portal this is, e.g. "Artist". */
  roleLabel: string;
  navigation: readonly NavigationItem[];
  /** The page (usually a router <Outlet/>). */
  children: ReactNode;
  /** Header slot for the signed-in account (name, sign-out). */
  account?: ReactNode;
}

const MAIN_ID = 'zamio-main';

/** Frame of every portal: header, side navigation, main content and a footer naming the release. */
export function AppShell({ productName, roleLabel, navigation, children, account }: AppShellProps) {
  const { environment, version } = useRuntimeConfig();
  return (
    <div className="zamio-shell" data-testid="app-shell">
      <a className="zamio-skip-link" href={`#${MAIN_ID}`}>
        Skip to content
      </a>
      <header className="zamio-header">
        <p className="zamio-header__product">{productName}</p>
        <span className="zamio-header__role" data-testid="role-label">
          {roleLabel}
        </span>
        <div className="zamio-header__actions">
          {account}
          <ThemeToggle />
        </div>
      </header>
      <nav className="zamio-nav" aria-label={`${roleLabel} navigation`}>
        <ul>
          {navigation.map((item) => (
            <li key={item.to}>
              {/* `end` on the root link, or Home would stay highlighted on every page. */}
              <NavLink to={item.to} end={item.to === '/'}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="zamio-main" id={MAIN_ID} tabIndex={-1}>
        {children}
      </main>
      <footer className="zamio-footer">
        <span>
          Environment: <span data-testid="portal-environment">{environment}</span>
        </span>
        <span>
          Version: <span data-testid="portal-version">{version}</span>
        </span>
      </footer>
    </div>
  );
}
