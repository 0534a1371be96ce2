import * as RadixDialog from '@radix-ui/react-dialog';
import { Menu, X } from '../icons';
import { useState, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Button } from '../components/Button';
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
  /** The signed-in account (name, sign-out): header on wide screens, drawer on narrow ones. */
  account?: ReactNode;
}

const MAIN_ID = 'zamio-main';
const DRAWER_ID = 'zamio-navigation-drawer';

function NavigationList({
  navigation,
  onNavigate,
}: {
  navigation: readonly NavigationItem[];
  onNavigate?: () => void;
}) {
  return (
    <ul>
      {navigation.map((item) => (
        <li key={item.to}>
          {/* `end` on the root link, or Home would stay highlighted on every page. */}
          <NavLink to={item.to} end={item.to === '/'} onClick={onNavigate}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * Frame of every portal: header, navigation, main content and a footer naming
 * the release. From 800 px the navigation is a sidebar; below, a menu button
 * opens it as a modal drawer (focus trapped, Escape or a link closes it).
 */
export function AppShell({ productName, roleLabel, navigation, children, account }: AppShellProps) {
  const { environment, version } = useRuntimeConfig();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navLabel = `${roleLabel} navigation`;
  return (
    <div className="zamio-shell" data-testid="app-shell">
      <a className="zamio-skip-link" href={`#${MAIN_ID}`}>
        Skip to content
      </a>
      <header className="zamio-header">
        <RadixDialog.Root open={drawerOpen} onOpenChange={setDrawerOpen}>
          <RadixDialog.Trigger asChild>
            <Button
              variant="ghost"
              iconOnly
              className="zamio-header__menu"
              aria-label="Open navigation"
              aria-controls={DRAWER_ID}
              data-testid="nav-menu-button"
            >
              <Menu size={22} aria-hidden="true" />
            </Button>
          </RadixDialog.Trigger>
          <RadixDialog.Portal>
            <RadixDialog.Overlay className="zamio-drawer__overlay" />
            <RadixDialog.Content
              className="zamio-drawer"
              id={DRAWER_ID}
              data-testid="nav-drawer"
              aria-describedby={undefined}
            >
              <div className="zamio-drawer__head">
                <RadixDialog.Title className="zamio-drawer__title">
                  {productName} · {roleLabel}
                </RadixDialog.Title>
                <RadixDialog.Close asChild>
                  <Button
                    variant="ghost"
                    iconOnly
                    aria-label="Close navigation"
                    data-testid="nav-close-button"
                  >
                    <X size={22} aria-hidden="true" />
                  </Button>
                </RadixDialog.Close>
              </div>
              <nav className="zamio-nav" aria-label={navLabel}>
                <NavigationList navigation={navigation} onNavigate={() => setDrawerOpen(false)} />
              </nav>
              {account ? <div className="zamio-drawer__account">{account}</div> : null}
            </RadixDialog.Content>
          </RadixDialog.Portal>
        </RadixDialog.Root>
        <div className="zamio-header__brand">
          <p className="zamio-header__product">{productName}</p>
          <span className="zamio-header__role" data-testid="role-label">
            {roleLabel}
          </span>
        </div>
        <div className="zamio-header__actions">
          {account ? <div className="zamio-header__account">{account}</div> : null}
          <ThemeToggle />
        </div>
      </header>
      <nav className="zamio-nav" aria-label={navLabel} data-testid="nav-sidebar">
        <NavigationList navigation={navigation} />
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
