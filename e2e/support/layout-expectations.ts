// Layout assertions of the browser tests, on top of screenshots.ts' measurements.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { horizontalOverflow } from './screenshots';

/** Fails naming the elements that stick out when the page scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  expect(
    overflow.scrollWidth,
    `${where} scrolls sideways: ${overflow.offenders.join(', ')}`,
  ).toBeLessThanOrEqual(overflow.innerWidth);
}
