// The contract every portal definition keeps, as one shared test suite: its
// navigation, a route per entry with a not-found fallback, loadable pages and
// a role home page showing the backend status.
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createPortalRoutes } from '../src/portal/create-portal-routes';
import { SIGN_UP_PATH, navigationOf, type PortalDefinition } from '../src/portal/portal-definition';
import { renderToHtml, textByTestId } from './render-to-html';

export interface PortalExpectations {
  roleLabel: string;
  role: PortalDefinition['role'];
  /** [label, path] in navigation order. */
  navigation: readonly (readonly [string, string])[];
  homeHeading: string;
  /** Whether the sign-in page offers self-service sign-up at /signup. */
  selfSignUp?: boolean;
}

export function describePortal(definition: PortalDefinition, expected: PortalExpectations): void {
  describe(`${expected.roleLabel} portal`, () => {
    it('has its role and navigation, in order', () => {
      expect(definition.roleLabel).toBe(expected.roleLabel);
      expect(definition.role).toBe(expected.role);
      expect(navigationOf(definition).map((item) => [item.label, item.to])).toEqual(
        expected.navigation.map(([label, to]) => [label, to]),
      );
    });

    it('routes every navigation entry to its own page, and anything else to "not found"', () => {
      const routes = createPortalRoutes(definition);
      for (const { to } of navigationOf(definition)) {
        const leaf = matchRoutes(routes, to)?.at(-1)?.route;
        expect(leaf, to).toBeDefined();
        expect(leaf?.path, to).not.toBe('*');
      }
      expect(matchRoutes(routes, '/no-such-page')?.at(-1)?.route.path).toBe('*');
    });

    it(expected.selfSignUp ? 'has a sign-up page at /signup' : 'has no sign-up page', () => {
      const routes = createPortalRoutes(definition);
      const leaf = matchRoutes(routes, SIGN_UP_PATH)?.at(-1)?.route;
      if (expected.selfSignUp) expect(leaf?.path).toBe(SIGN_UP_PATH);
      else expect(leaf?.path).toBe('*');
    });

    it('loads every page module as a component', async () => {
      for (const page of definition.pages) {
        const module = await page.load();
        expect(typeof module.default, page.label).toBe('function');
      }
    });

    it('shows the role heading and the backend status on the home page', async () => {
      const { default: HomePage } = await definition.pages[0]!.load();
      const html = renderToHtml(<HomePage />);
      expect(textByTestId(html, 'role-home')).toBe(expected.homeHeading);
      expect(html).toContain('data-testid="backend-status"');
    });
  });
}
