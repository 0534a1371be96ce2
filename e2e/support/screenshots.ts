// The visual check: the same page at a desktop and a phone width, screenshots
// under .test-results/screenshots/<test>/<step>-<viewport>.png (CI keeps
// .test-results as artifacts), and the layout checks a person would notice.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const SCREENSHOT_ROOT = resolve(import.meta.dirname, '../../.test-results/screenshots');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800, isMobile: false, hasTouch: false },
  phone: { width: 390, height: 844, isMobile: true, hasTouch: true },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** A fresh context (own cookies) with the viewport's size, touch and mobile meta-viewport handling. */
export function newContextAt(browser: Browser, viewport: ViewportName): Promise<BrowserContext> {
  const { width, height, isMobile, hasTouch } = VIEWPORTS[viewport];
  return browser.newContext({ viewport: { width, height }, isMobile, hasTouch, deviceScaleFactor: 1 });
}

const safe = (name: string) =>
  name
    .replace(/[^a-z0-9._-]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/**
 * PNG at `<root>/<test>/<step>-<viewport>.png` of the whole page (or only
 * the viewport, for dialogs and drawers); returns its path. Animations are
 * finished first so the picture is deterministic.
 */
export async function screenshot(
  page: Page,
  test: string,
  step: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<string> {
  const path = screenshotPath(page, test, step);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

/**
 * `screenshot` of the whole page with the sticky header made static first:
 * a full-page capture would otherwise paint it in the middle of the page.
 */
export async function fullPageScreenshot(page: Page, test: string, step: string): Promise<string> {
  await page.addStyleTag({ content: '.zamio-header { position: static; }' });
  return screenshot(page, test, step);
}

/** One element only (e.g. one section of a long page), named like `screenshot`'s files. */
export async function screenshotOf(locator: Locator, test: string, step: string): Promise<string> {
  const path = screenshotPath(locator.page(), test, step);
  await locator.screenshot({ path, animations: 'disabled' });
  return path;
}

function screenshotPath(page: Page, test: string, step: string): string {
  const width = page.viewportSize()?.width ?? 0;
  const viewport =
    width <= VIEWPORTS.phone.width ? 'phone' : width >= VIEWPORTS.desktop.width ? 'desktop' : `${width}px`;
  const folder = join(SCREENSHOT_ROOT, safe(test));
  mkdirSync(folder, { recursive: true });
  return join(folder, `${safe(step)}-${viewport}.png`);
}

export interface HorizontalOverflow {
  scrollWidth: number;
  innerWidth: number;
  /** Elements sticking out past the right edge (tag#id.class), to name the culprit. */
  offenders: string[];
}

/** How far the page scrolls sideways, and which elements cause it. */
export function horizontalOverflow(page: Page): Promise<HorizontalOverflow> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const offenders: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > innerWidth + 1 && box.width > 0 && offenders.length < 8) {
        const id = element.id ? `#${element.id}` : '';
        const cls =
          typeof element.className === 'string' && element.className
            ? `.${element.className.split(' ')[0]}`
            : '';
        offenders.push(`${element.tagName.toLowerCase()}${id}${cls} (right ${Math.round(box.right)})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, offenders };
  });
}

/**
 * Elements of the page's content that stick out of the surface they sit on
 * (a card, a dialog, the main column) although the document does not scroll
 * sideways: a button wider than its card, a field past the dialog's edge; and
 * elements whose own content is wider than they are (an amount past its tile).
 * Anything inside a box that scrolls or clips sideways (a wide table's own
 * scroller) is that box's business and is not counted.
 */
export function escapedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const SURFACES = '.zamio-card, .zamio-dialog, .zamio-drawer, .zamio-main, .zamio-login__panel';
    const name = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const testId = element.getAttribute('data-testid');
      const cls =
        typeof element.className === 'string' && element.className
          ? `.${element.className.split(' ')[0]}`
          : '';
      return `${element.tagName.toLowerCase()}${id}${cls}${testId ? `[${testId}]` : ''}`;
    };
    const found: { element: Element; past: boolean; what: string }[] = [];
    for (const element of document.querySelectorAll(`${SURFACES} *`)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // The nearest surface, unless a scrolling or clipping box comes first.
      let surface = element.parentElement;
      let insideScroller = false;
      while (surface && !surface.matches(SURFACES)) {
        if (getComputedStyle(surface).overflowX !== 'visible') insideScroller = true;
        surface = surface.parentElement;
      }
      if (!surface || insideScroller) continue;
      const edge = surface.getBoundingClientRect();
      const past = Math.max(box.right - edge.right, edge.left - box.left);
      const style = getComputedStyle(element);
      if (past > 1)
        found.push({ element, past: true, what: `past ${name(surface)} by ${Math.round(past)} px` });
      // Text wider than its own box (an amount past its tile, a label past its button).
      else if (
        element instanceof HTMLElement &&
        // Controls and media scroll or scale their own content by design (a long URL in its input).
        !element.matches('input, select, textarea, progress, meter, audio, video, img, canvas, iframe') &&
        !['inline', 'contents'].includes(style.display) &&
        style.overflowX === 'visible' &&
        element.clientWidth > 0 &&
        element.scrollWidth > element.clientWidth + 1
      )
        found.push({
          element,
          past: false,
          what: `content ${element.scrollWidth - element.clientWidth} px wider than it`,
        });
    }
    // One cause, one name: the outermost element that sticks out of its
    // surface; the innermost whose content is too wide (its ancestors
    // overflow because of it, and so does whatever holds an element that sticks out).
    const pasts = found.filter((entry) => entry.past).map((entry) => entry.element);
    return found
      .filter(({ element, past }) =>
        past
          ? !pasts.some((other) => other !== element && other.contains(element))
          : !found.some((other) => other.element !== element && element.contains(other.element)),
      )
      .slice(0, 8)
      .map(({ element, what }) => `${name(element)} ${what}`);
  });
}

/**
 * Form fields side by side whose controls do not line up: in one row of a
 * form's grid, each field's input or select must have the same top and height
 * (a select stretched to a neighbour's hint looks broken).
 */
export function misalignedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const grid of document.querySelectorAll('.zamio-form .zamio-grid')) {
      const controls = [...grid.children]
        .map((field) => field.querySelector('input:not([type=hidden]), select, textarea'))
        .filter((control): control is Element => control !== null)
        .map((control) => ({ control, box: control.getBoundingClientRect() }))
        .filter(({ box }) => box.height > 0);
      const label = (control: Element) =>
        control.getAttribute('data-testid') ?? control.getAttribute('name') ?? control.tagName.toLowerCase();
      for (const { control, box } of controls) {
        // Fields of the same row start within a few pixels of each other.
        const row = controls.filter(({ box: other }) => Math.abs(other.top - box.top) < 24);
        for (const { control: other, box: otherBox } of row)
          if (other !== control && Math.abs(otherBox.height - box.height) > 2)
            problems.push(
              `${label(control)} is ${Math.round(box.height)} px tall beside ${label(other)} (${Math.round(otherBox.height)} px)`,
            );
      }
    }
    return [...new Set(problems)].slice(0, 8);
  });
}
