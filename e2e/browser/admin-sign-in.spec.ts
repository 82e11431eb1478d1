import { expect, type Page, test } from '@playwright/test';
import { STAFF } from './admin';

/** How many history entries the page pushed: a redirect loop shows as hundreds. */
const pushes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pushes?: number }).__pushes ?? 0);

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __pushes: number };
    w.__pushes = 0;
    const push = history.pushState.bind(history);
    history.pushState = (...args: Parameters<History['pushState']>) => {
      w.__pushes++;
      push(...args);
    };
  });
});

test('a signed-out deep link shows the sign-in form at once and returns there after signing in', async ({
  page,
}) => {
  await page.goto('/admin/#/products');
  // At once: no redirect loop before the form (it took ~14 s with react-admin's requireAuth under React Router 7).
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible({ timeout: 3_000 });
  await expect(page).toHaveURL(/#\/login$/);
  expect(await pushes(page)).toBeLessThan(5);

  await page.getByRole('textbox', { name: 'Email' }).fill(STAFF.admin.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(STAFF.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/products$/);
  await expect(page.getByRole('heading', { name: 'Products' })).toBeVisible();

  // Signing out lands on the form too, just as quickly, and the session is gone on reload.
  await page.getByRole('button', { name: 'Profile' }).click();
  await page.getByRole('menuitem', { name: 'Logout' }).click();
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible({ timeout: 3_000 });
  expect(await pushes(page)).toBeLessThan(10);
  await page.goto('/admin/#/orders');
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible({ timeout: 3_000 });
});
