// Layout assertions of the browser tests, on top of screenshots.ts' measurements.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { escapedElements, horizontalOverflow, misalignedControls } from './screenshots';

/** Fails naming the elements that stick out when the page scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  expect(
    overflow.scrollWidth,
    `${where} scrolls sideways: ${overflow.offenders.join(', ')}`,
  ).toBeLessThanOrEqual(overflow.innerWidth);
}

/** Fails naming the elements wider than the card, dialog or column they sit in. */
export async function expectNothingSticksOut(page: Page, where: string): Promise<void> {
  const escaped = await escapedElements(page);
  expect(escaped, `${where}: elements stick out of their card: ${escaped.join('; ')}`).toEqual([]);
}

/** Fails naming form controls side by side that differ in height (one stretched by its neighbour). */
export async function expectAlignedForms(page: Page, where: string): Promise<void> {
  const misaligned = await misalignedControls(page);
  expect(misaligned, `${where}: form controls side by side do not line up: ${misaligned.join('; ')}`).toEqual(
    [],
  );
}

/**
 * What a person sees as a broken layout: sideways scroll, a control past its
 * card's edge or text past its box, form controls side by side out of line.
 */
export async function expectFittingLayout(page: Page, where: string): Promise<void> {
  await expectNoSidewaysScroll(page, where);
  await expectNothingSticksOut(page, where);
  await expectAlignedForms(page, where);
}

/**
 * Fails when a row of controls (a filter row) breaks onto more than one line:
 * its items must share one bottom edge, and a date range's two inputs one top.
 */
export async function expectOnOneLine(row: Locator, where: string): Promise<void> {
  const lines = await row.evaluate((element) => {
    const distinct = (values: number[]) =>
      values.filter((value, index) => values.findIndex((other) => Math.abs(other - value) <= 2) === index)
        .length;
    const boxes = (parent: Element) =>
      [...parent.children]
        .map((child) => child.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0);
    return {
      items: distinct(boxes(element).map((box) => box.bottom)),
      ranges: [...element.querySelectorAll('.zamio-date-range')].map((range) =>
        distinct(
          boxes(range)
            .filter((box) => box.width > 20)
            .map((box) => box.top),
        ),
      ),
    };
  });
  // A row whose only item is hidden at this width (a table's phone-only "Sort by") has no line.
  expect(lines, `${where}: the row breaks onto more lines`).toEqual({
    items: Math.min(lines.items, 1),
    ranges: lines.ranges.map(() => 1),
  });
}
