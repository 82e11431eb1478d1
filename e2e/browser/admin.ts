import { expect, type Page } from '@playwright/test';
import { BROWSER_STACK } from './stack';

/** Staff accounts that e2e/browser/serve.ts creates (ADMIN_PASSWORD and SUPPORT_PASSWORD). */
export const STAFF = {
  admin: { email: 'admin@market.local', password: BROWSER_STACK.adminPassword },
  support: { email: 'support@market.local', password: BROWSER_STACK.adminPassword },
} as const;

/** Signs in on the back office's own sign-in page and waits for its first screen. */
export async function signInToAdmin(page: Page, who: keyof typeof STAFF): Promise<void> {
  await page.goto('/admin/');
  await page.getByRole('textbox', { name: 'Email' }).fill(STAFF[who].email);
  await page.getByRole('textbox', { name: 'Password' }).fill(STAFF[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('menuitem', { name: 'Orders' })).toBeVisible();
}
