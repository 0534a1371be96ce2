import { describe, expect, it } from 'vitest';
import { AppShell } from '../src/index';
import { renderToHtml, textByTestId } from '../testing/index';

describe('AppShell', () => {
  const navigation = [
    { to: '/', label: 'Home' },
    { to: '/tracks', label: 'Tracks' },
  ];

  it('renders the product, role, navigation, page and the release from runtime config', () => {
    const html = renderToHtml(
      <AppShell productName="ZamIO" roleLabel="Artist" navigation={navigation}>
        <p>page body</p>
      </AppShell>,
      {
        config: { apiBaseUrl: '/api', environment: 'staging', version: '1.4.2', features: [] },
        path: '/tracks',
      },
    );
    expect(html).toContain('data-testid="app-shell"');
    expect(textByTestId(html, 'role-label')).toBe('Artist');
    expect(textByTestId(html, 'portal-environment')).toBe('staging');
    expect(textByTestId(html, 'portal-version')).toBe('1.4.2');
    expect(html).toContain('page body');
    expect(html).toMatch(/<nav[^>]*aria-label="Artist navigation"/);
    // The current page is marked for assistive technology; Home is not (exact match).
    expect(html).toMatch(/aria-current="page"[^>]*href="\/tracks"|href="\/tracks"[^>]*aria-current="page"/);
    expect(html).not.toMatch(/href="\/"[^>]*aria-current="page"|aria-current="page"[^>]*href="\/"/);
  });
});
