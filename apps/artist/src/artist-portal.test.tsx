import { createPortalRoutes, navigationOf } from '@zamio/ui';
import { renderToHtml, textByTestId } from '@zamio/ui/testing';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { artistPortal } from './artist-portal';

describe('artist portal', () => {
  it('has the artist navigation, in order', () => {
    expect(artistPortal.roleLabel).toBe('Artist');
    expect(navigationOf(artistPortal).map((item) => item.label)).toEqual(['Home', 'Tracks', 'Upload', 'Plays', 'Earnings', 'Disputes', 'System']);
    expect(navigationOf(artistPortal).map((item) => item.to)).toEqual(['/', '/tracks', '/upload', '/plays', '/earnings', '/disputes', '/system']);
  });

  it('routes every navigation entry to its own page, and anything else to "not found"', () => {
    const routes = createPortalRoutes(artistPortal);
    for (const { to } of navigationOf(artistPortal)) {
      const leaf = matchRoutes(routes, to)?.at(-1)?.route;
      expect(leaf, to).toBeDefined();
      expect(leaf?.path, to).not.toBe('*');
    }
    expect(matchRoutes(routes, '/no-such-page')?.at(-1)?.route.path).toBe('*');
  });

  it('loads every page module as a component', async () => {
    for (const page of artistPortal.pages) {
      const module = await page.load();
      expect(typeof module.default, page.label).toBe('function');
    }
  });

  it('shows the artist heading and the backend status on the home page', async () => {
    const { default: HomePage } = await artistPortal.pages[0]!.load();
    const html = renderToHtml(<HomePage />);
    expect(textByTestId(html, 'role-home')).toBe('Artist dashboard');
    expect(html).toContain('data-testid="backend-status"');
  });
});
