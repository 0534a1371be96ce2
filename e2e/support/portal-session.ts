// Signing in to a portal the way a person does, shared by the browser tests.
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'zamio-demo-password';
export const demoEmail = (role: string) => `${role}@demo.zamio.local`;

/** Opens the portal, fills the sign-in form and submits it (does not wait for the outcome). */
export async function signIn(
  page: Page,
  url: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('login-page').waitFor({ timeout: 60_000 });
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
