import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { Shopper } from '../testing/shop';
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

/** A guest's order for one unit of `productId`, paid with a Visa through the API, once the capture is done. */
export async function paidOrder(productId: number): Promise<{ id: number; number: string }> {
  const shopper = new Shopper(BROWSER_STACK.baseUrl);
  const added = await shopper.addToCart(productId, 1);
  expect(added.status).toBe(200);
  const placed = await shopper.checkout();
  expect(placed.status).toBe(201);
  const { id, number } = placed.body.order;
  expect((await shopper.pay(id, 'pm_card_visa')).status).toBe(200);
  expect((await shopper.waitForOrder(id, 'processing')).status).toBe('processing');
  return { id, number };
}

/** An access token of a staff account, for checking what the API recorded. */
export async function staffToken(request: APIRequestContext, who: keyof typeof STAFF): Promise<string> {
  const res = await request.post('/api/auth/login', { data: STAFF[who] });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
