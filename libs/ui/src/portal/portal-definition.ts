import type { ComponentType } from 'react';
import type { RoleName } from '@zamio/contracts';
import type { NavigationItem } from '../layout/navigation';

/** A page module loaded on demand, so each page is its own chunk. */
export type PageModuleLoader = () => Promise<{ default: ComponentType }>;

export interface PortalPage extends NavigationItem {
  load: PageModuleLoader;
  /**
   * A page reached from another page, not from the navigation (e.g.
   * `/tracks/:id`, a track's own page): routed, but not listed.
   */
  hidden?: boolean;
}

/** Everything that makes one portal different from another. */
export interface PortalDefinition {
  productName: string;
  /** Shown in the header, e.g. "Artist". */
  roleLabel: string;
  /** The one account role that may use this portal. */
  role: RoleName;
  /** Navigation order; the page at `/` is the home page. */
  pages: readonly PortalPage[];
  /**
   * Self-service sign-up at SIGN_UP_PATH, linked from the sign-in page (artist,
   * station and publisher portals; admins are created by an admin).
   */
  selfSignUp?: boolean;
}

export const SIGN_UP_PATH = '/signup';

export const navigationOf = (definition: PortalDefinition): NavigationItem[] =>
  definition.pages.filter((page) => !page.hidden).map(({ to, label }) => ({ to, label }));
