// Every page of every portal, as its demo account sees it on a fresh
// platform (mostly empty lists), at a desktop and a phone width: reached by
// the portal's own navigation, each page has its heading, no page scrolls
// sideways and nothing sticks out of its card (a button wider than its card
// on a phone is what a person calls broken even when the page does not
// scroll), and on a desktop every filter row stays on one line. A full-page screenshot of each lands in
// .test-results/screenshots/portal-pages/<portal>-<page>-<viewport>.png.
import { describe, expect, it } from 'vitest';
import { PORTALS } from './support/embedded-platform';
import { expectFittingLayout, expectOnOneLine } from './support/layout-expectations';
import { demoEmail, signIn } from './support/portal-session';
import { usePlatformAndBrowser } from './support/portal-suite';
import { fullPageScreenshot, newContextAt, type ViewportName } from './support/screenshots';

const TEST = 'portal-pages';
const VIEWPORT_NAMES: ViewportName[] = ['desktop', 'phone'];
// A portal's first page in a dev server on a busy machine can take long to compile.
const FIRST_LOAD_MS = 120_000;

describe('every portal page fits a desktop and a phone', () => {
  const suite = usePlatformAndBrowser();

  for (const portal of PORTALS)
    for (const viewport of VIEWPORT_NAMES)
      it(`${portal} portal at the ${viewport} width`, async () => {
        const context = await newContextAt(suite.browser, viewport);
        const page = await context.newPage();
        const errors: string[] = [];
        const problems: string[] = [];
        page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
        const url = suite.platform.portalUrls[portal];
        try {
          await signIn(page, url, demoEmail(portal));
          await page.getByTestId('app-shell').waitFor({ timeout: FIRST_LOAD_MS });
          const links = await page.evaluate(() =>
            [...document.querySelectorAll('[data-testid="nav-sidebar"] a')].map((a) =>
              a.getAttribute('href')!,
            ),
          );
          expect(links.length).toBeGreaterThan(3);
          for (const path of links) {
            await page.goto(`${url}${path}`, { waitUntil: 'domcontentloaded' });
            await page
              .locator('main h1')
              .first()
              .waitFor({ timeout: 60_000 })
              .catch((error: unknown) => {
                throw new Error(`no heading on ${portal} ${path}: ${String(error)}`);
              });
            // Lists and charts arrive after the heading: measure the settled page.
            await page.waitForLoadState('networkidle');
            await page
              .locator('[data-testid="table-loading"], tbody[aria-busy="true"]')
              .first()
              .waitFor({ state: 'detached', timeout: 30_000 });
            const name = path === '/' ? 'home' : path.slice(1).replace(/\//g, '-');
            await fullPageScreenshot(page, TEST, `${portal}-${name}`);
            // Every page is measured before the test fails, so one run names every broken page.
            const where = `${portal} ${path} (${viewport})`;
            await expectFittingLayout(page, where).catch((error: Error) => problems.push(error.message));
            // On a desktop a filter row is one line (on a phone its fields stack).
            if (viewport === 'desktop')
              for (const row of await page.locator('main .zamio-filters').all())
                await expectOnOneLine(row, `${where} filters`).catch((error: Error) =>
                  problems.push(error.message),
                );
          }
          expect(problems).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
});
