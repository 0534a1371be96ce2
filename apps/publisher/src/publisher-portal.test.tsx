import { createPortalRoutes, navigationOf } from '@zamio/ui';
import { renderToHtml, textByTestId } from '@zamio/ui/testing';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { publisherPortal } from './publisher-portal';

describe('publisher portal', () => {
  it('has the publisher navigation, in order', () => {
    expect(publisherPortal.roleLabel).toBe('Publisher');
    expect(navigationOf(publisherPortal).map((item) => item.label)).toEqual(['Home', 'Roster', 'Catalog', 'Earnings', 'System']);
    expect(navigationOf(publisherPortal).map((item) => item.to)).toEqual(['/', '/roster', '/catalog', '/earnings', '/system']);
  });

  it('routes every navigation entry to its own page, and anything else to "not found"', () => {
    const routes = createPortalRoutes(publisherPortal);
    for (const { to } of navigationOf(publisherPortal)) {
      const leaf = matchRoutes(routes, to)?.at(-1)?.route;
      expect(leaf, to).toBeDefined();
      expect(leaf?.path, to).not.toBe('*');
    }
    expect(matchRoutes(routes, '/no-such-page')?.at(-1)?.route.path).toBe('*');
  });

  it('loads every page module as a component', async () => {
    for (const page of publisherPortal.pages) {
      const module = await page.load();
      expect(typeof module.default, page.label).toBe('function');
    }
  });

  it('shows the publisher heading and the backend status on the home page', async () => {
    const { default: HomePage } = await publisherPortal.pages[0]!.load();
    const html = renderToHtml(<HomePage />);
    expect(textByTestId(html, 'role-home')).toBe('Publisher dashboard');
    expect(html).toContain('data-testid="backend-status"');
  });
});
