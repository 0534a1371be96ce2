import { createPortalRoutes, navigationOf } from '@zamio/ui';
import { renderToHtml, textByTestId } from '@zamio/ui/testing';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { adminPortal } from './admin-portal';

describe('admin portal', () => {
  it('has the admin navigation, in order', () => {
    expect(adminPortal.roleLabel).toBe('Admin');
    expect(navigationOf(adminPortal).map((item) => item.label)).toEqual(['Home', 'Users', 'Stations', 'Rate table', 'Cycles', 'Disputes', 'System status']);
    expect(navigationOf(adminPortal).map((item) => item.to)).toEqual(['/', '/users', '/stations', '/rate-table', '/cycles', '/disputes', '/system']);
  });

  it('routes every navigation entry to its own page, and anything else to "not found"', () => {
    const routes = createPortalRoutes(adminPortal);
    for (const { to } of navigationOf(adminPortal)) {
      const leaf = matchRoutes(routes, to)?.at(-1)?.route;
      expect(leaf, to).toBeDefined();
      expect(leaf?.path, to).not.toBe('*');
    }
    expect(matchRoutes(routes, '/no-such-page')?.at(-1)?.route.path).toBe('*');
  });

  it('loads every page module as a component', async () => {
    for (const page of adminPortal.pages) {
      const module = await page.load();
      expect(typeof module.default, page.label).toBe('function');
    }
  });

  it('shows the admin heading and the backend status on the home page', async () => {
    const { default: HomePage } = await adminPortal.pages[0]!.load();
    const html = renderToHtml(<HomePage />);
    expect(textByTestId(html, 'role-home')).toBe('Administration');
    expect(html).toContain('data-testid="backend-status"');
  });
});
