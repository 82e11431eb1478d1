import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { STAFF, staffToken } from './admin';
import { shot } from './shots';
import { BROWSER_STACK } from './stack';

/** The admin's refusal of a non-staff account (admin/src/auth/authProvider.ts). */
const NOT_STAFF = 'This account is not a staff account';

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

test.describe('Google sign-in to the back office', () => {
  // The mock Google signs every browser test in as one account (BROWSER_STACK.google), a customer of the shop.
  const google = BROWSER_STACK.google;

  async function setRole(request: APIRequestContext, role: 'customer' | 'support'): Promise<void> {
    const token = await staffToken(request, 'admin');
    const auth = { Authorization: `Bearer ${token}` };
    const list = await request.get(
      `/api/admin/users?filter=${encodeURIComponent(JSON.stringify({ q: google.email }))}`,
      { headers: auth },
    );
    const [user] = (await list.json()) as { id: number }[];
    expect(user, `${google.email} exists (created by its first Google sign-in)`).toBeTruthy();
    const res = await request.put(`/api/admin/users/${user!.id}`, { headers: auth, data: { role } });
    expect(res.status()).toBe(200);
  }

  test.afterEach(async ({ request }) => {
    // The shop's own Google test expects this account to be a customer.
    await setRole(request, 'customer');
  });

  test("a customer's Google account is refused with the reason; once made support staff, it signs in", async ({
    page,
    request,
  }) => {
    await page.goto('/admin/#/login');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    // The API → the provider (approves at once) → the API's callback → /admin/#/auth/callback → refused.
    await expect(page.getByText(NOT_STAFF)).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/#\/login$/);
    await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible();

    await setRole(request, 'support');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await expect(page.getByRole('menuitem', { name: 'Orders' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('menuitem', { name: 'Users' })).toHaveCount(0);
    expect(page.url()).not.toContain('code=');
    await shot(page, 'admin-google-support');
  });
});
