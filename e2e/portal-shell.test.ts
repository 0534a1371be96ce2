// The portal shell and the sign-up pages in a real browser, at a desktop
// (1280×800) and a phone (390×844) width, against `npm start`'s embedded
// platform. Every step leaves a screenshot under .test-results/screenshots/.
// On the phone the navigation is a drawer behind a menu button, and no page
// may scroll sideways.
import { describe, expect, it } from 'vitest';
import { expectFittingLayout } from './support/layout-expectations';
import { demoEmail, signIn } from './support/portal-session';
import { usePlatformAndBrowser } from './support/portal-suite';
import { newContextAt, screenshot, screenshotOf, type ViewportName } from './support/screenshots';

const VIEWPORT_NAMES: ViewportName[] = ['desktop', 'phone'];
const NEW_PASSWORD = 'a long passphrase for tests';

describe('portal shell and sign-up in a browser, desktop and phone', () => {
  const suite = usePlatformAndBrowser();
  const run = Date.now().toString(36);

  for (const viewport of VIEWPORT_NAMES) {
    it(`station sign-up shows the rules inline, then the pending state, also after sign-in (${viewport})`, async () => {
      const context = await newContextAt(suite.browser, viewport);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const email = `station-${viewport}-${run}@example.com`;
      const test = 'station-sign-up';
      try {
        await page.goto(suite.platform.portalUrls.station, { waitUntil: 'domcontentloaded' });
        await page.getByTestId('login-page').waitFor({ timeout: 60_000 });
        await expectFittingLayout(page, 'sign-in page');
        await screenshot(page, test, '1-sign-in');

        await page.getByTestId('sign-up-link').click();
        await page.getByTestId('signup-page').waitFor();
        expect(new URL(page.url()).pathname).toBe('/signup');

        // Submitting the empty form names every missing field inline.
        await page.getByTestId('signup-submit').click();
        await page.getByText('Enter the station name').waitFor();
        await page.getByText('Enter your e-mail address').waitFor();
        // The password rule is shown and ticked live.
        await page.getByTestId('signup-password').fill('short');
        expect(await page.getByTestId('password-rule-min-length').getAttribute('data-met')).toBe('false');
        await expectFittingLayout(page, 'sign-up page with errors');
        await screenshot(page, test, '2-sign-up-errors');

        await page.getByTestId('signup-name').fill(`Test FM ${viewport}`);
        await page.getByTestId('signup-email').fill(email);
        await page.getByTestId('signup-password').fill(NEW_PASSWORD);
        expect(await page.getByTestId('password-rule-min-length').getAttribute('data-met')).toBe('true');
        await page.getByTestId('signup-submit').click();

        await page.getByTestId('account-state').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('account-state-message').textContent()).toContain(email);
        expect(await page.getByTestId('account-state-badge').textContent()).toBe('Waiting for approval');
        await expectFittingLayout(page, 'pending state');
        await screenshot(page, test, '3-pending');

        // Signing in before approval shows the same state, not the portal.
        await page.getByTestId('account-state-back').click();
        await signIn(page, suite.platform.portalUrls.station, email, NEW_PASSWORD);
        await page.getByTestId('account-state').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('app-shell').count()).toBe(0);

        // The same e-mail again: the server's refusal lands on the e-mail field.
        await page.goto(`${suite.platform.portalUrls.station}/signup`, { waitUntil: 'domcontentloaded' });
        await page.getByTestId('signup-name').fill('Another FM');
        await page.getByTestId('signup-email').fill(email);
        await page.getByTestId('signup-password').fill(NEW_PASSWORD);
        await page.getByTestId('signup-submit').click();
        await page.getByText('An account with this e-mail already exists').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('signup-email').getAttribute('aria-invalid')).toBe('true');
        await screenshot(page, test, '4-email-taken');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('artist sign-up goes straight into the artist portal', async () => {
    const context = await newContextAt(suite.browser, 'phone');
    const page = await context.newPage();
    try {
      await page.goto(`${suite.platform.portalUrls.artist}/signup`, { waitUntil: 'domcontentloaded' });
      await page.getByTestId('signup-page').waitFor({ timeout: 60_000 });
      await page.getByTestId('signup-name').fill('Ama Serwaa');
      await page.getByTestId('signup-email').fill(`artist-${run}@example.com`);
      await page.getByTestId('signup-password').fill(NEW_PASSWORD);
      await page.getByTestId('signup-submit').click();
      await page.getByTestId('app-shell').waitFor({ timeout: 30_000 });
      await page.getByTestId('role-home').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      // On the phone the account lives in the drawer.
      await page.getByTestId('nav-menu-button').click();
      const drawer = page.getByTestId('nav-drawer');
      await drawer.waitFor();
      expect(await drawer.getByTestId('signed-in-user').textContent()).toBe('Ama Serwaa');
    } finally {
      await context.close();
    }
  });

  for (const viewport of VIEWPORT_NAMES) {
    it(`admin shell: navigation and every page fit the ${viewport} width`, async () => {
      const context = await newContextAt(suite.browser, viewport);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const test = 'admin-shell';
      try {
        await signIn(page, suite.platform.portalUrls.admin, demoEmail('admin'));
        await page.getByTestId('app-shell').waitFor({ timeout: 60_000 });
        await page.getByTestId('bff-version').waitFor({ timeout: 60_000 });
        await expectFittingLayout(page, 'home');
        await screenshot(page, test, '1-home');

        const sidebar = page.getByTestId('nav-sidebar');
        const menu = page.getByTestId('nav-menu-button');
        if (viewport === 'desktop') {
          expect(await sidebar.isVisible()).toBe(true);
          expect(await menu.isVisible()).toBe(false);
        } else {
          expect(await sidebar.isVisible()).toBe(false);
          expect(await menu.isVisible()).toBe(true);
          await menu.click();
          const drawer = page.getByTestId('nav-drawer');
          await drawer.waitFor();
          await screenshot(page, test, '2-drawer-open', { fullPage: false });
          // Escape closes it and gives focus back to the menu button.
          await page.keyboard.press('Escape');
          await drawer.waitFor({ state: 'detached' });
          expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);
          // A link in the drawer navigates and closes the drawer.
          await menu.click();
          await drawer.getByRole('link', { name: 'Users' }).click();
          await drawer.waitFor({ state: 'detached' });
          expect(new URL(page.url()).pathname).toBe('/users');
        }

        // Every page of the navigation, by the navigation.
        const links = await page.evaluate(() =>
          [...document.querySelectorAll('[data-testid="nav-sidebar"] a')].map((a) => a.getAttribute('href')!),
        );
        expect(links.length).toBeGreaterThan(5);
        for (const path of links) {
          await page.goto(`${suite.platform.portalUrls.admin}${path}`, { waitUntil: 'domcontentloaded' });
          await page
            .locator('main h1')
            .first()
            .waitFor({ timeout: 30_000 })
            .catch((error: unknown) => {
              throw new Error(`no heading on ${path}: ${String(error)}`);
            });
          await expectFittingLayout(page, path);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`component gallery renders every component within the ${viewport} width`, async () => {
      const context = await newContextAt(suite.browser, viewport);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const test = 'component-gallery';
      try {
        await signIn(page, suite.platform.portalUrls.admin, demoEmail('admin'));
        await page.getByTestId('app-shell').waitFor({ timeout: 60_000 });
        await page.goto(`${suite.platform.portalUrls.admin}/ui-kit`, { waitUntil: 'domcontentloaded' });
        await page.getByTestId('component-gallery').waitFor({ timeout: 60_000 });
        await page.getByTestId('gallery-table').locator('tbody tr').first().waitFor({ timeout: 30_000 });
        await page.getByTestId('plays-per-day-chart').locator('svg').first().waitFor();
        await expectFittingLayout(page, 'gallery');
        await screenshot(page, test, '1-all');
        // Section pictures without the sticky header covering their top.
        await page.addStyleTag({ content: '.zamio-header { position: static; }' });
        const sections = page.locator('[data-testid^="gallery-"].zamio-card');
        for (let index = 0; index < (await sections.count()); index++) {
          const section = sections.nth(index);
          const name = (await section.getAttribute('data-testid'))!.replace('gallery-', '');
          await screenshotOf(section, test, `section-${index + 1}-${name}`);
        }

        // Paging over cursors and sorting, as the list routes will do it.
        const table = page.getByTestId('gallery-table');
        // The previous page stays (dimmed, aria-busy) until the next one arrives.
        const firstRow = async () => table.locator('tbody:not([aria-busy]) tr').first().textContent();
        const before = await firstRow();
        await table.getByTestId('next-page').click();
        await table.getByText('Page 2').waitFor();
        expect(await firstRow()).not.toBe(before);
        // Sorting: column headers on wide screens, a "Sort by" select on the cards of a phone.
        if (viewport === 'desktop') await table.getByRole('button', { name: 'Track' }).click();
        else await table.getByTestId('table-sort-select').selectOption('title:asc');
        await table.getByText('Page 1').waitFor();
        expect(await table.locator('th[aria-sort="ascending"]').textContent()).toContain('Track');

        // A real upload through the portal's /api proxy, with the progress bar reaching the end.
        const upload = page.getByTestId('gallery-upload');
        await upload.locator('input[type=file]').setInputFiles({
          name: 'licence.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
        });
        await upload.getByText(/^Uploaded/).waitFor({ timeout: 30_000 });
        expect(await upload.getByTestId('upload-progress').getAttribute('value')).toBe('100');

        // A dialog fits the screen and traps focus.
        await page.getByRole('button', { name: 'Open dialog' }).click();
        const dialog = page.getByTestId('gallery-dialog');
        await dialog.waitFor();
        await screenshot(page, test, '2-dialog', { fullPage: false });
        // The page behind is covered (a tap outside closes the dialog, nothing behind is clickable).
        expect(await page.evaluate(() => document.elementFromPoint(5, 5)?.className)).toBe(
          'zamio-dialog__overlay',
        );
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });

        // The dark theme (the system's preference) keeps everything legible.
        await page.emulateMedia({ colorScheme: 'dark' });
        await screenshot(page, test, '3-dark');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
