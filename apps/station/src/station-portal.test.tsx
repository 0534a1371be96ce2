import { createPortalRoutes, navigationOf } from '@zamio/ui';
import { renderToHtml, textByTestId } from '@zamio/ui/testing';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { stationPortal } from './station-portal';

describe('station portal', () => {
  it('has the station navigation, in order', () => {
    expect(stationPortal.roleLabel).toBe('Station');
    expect(navigationOf(stationPortal).map((item) => item.label)).toEqual(['Home', 'Captures', 'Playlogs', 'Detections', 'System']);
    expect(navigationOf(stationPortal).map((item) => item.to)).toEqual(['/', '/captures', '/playlogs', '/detections', '/system']);
  });

  it('routes every navigation entry to its own page, and anything else to "not found"', () => {
    const routes = createPortalRoutes(stationPortal);
    for (const { to } of navigationOf(stationPortal)) {
      const leaf = matchRoutes(routes, to)?.at(-1)?.route;
      expect(leaf, to).toBeDefined();
      expect(leaf?.path, to).not.toBe('*');
    }
    expect(matchRoutes(routes, '/no-such-page')?.at(-1)?.route.path).toBe('*');
  });

  it('loads every page module as a component', async () => {
    for (const page of stationPortal.pages) {
      const module = await page.load();
      expect(typeof module.default, page.label).toBe('function');
    }
  });

  it('shows the station heading and the backend status on the home page', async () => {
    const { default: HomePage } = await stationPortal.pages[0]!.load();
    const html = renderToHtml(<HomePage />);
    expect(textByTestId(html, 'role-home')).toBe('Station dashboard');
    expect(html).toContain('data-testid="backend-status"');
  });
});
