import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { shot } from './shots';

test('the home page is served by the API, server-rendered, with featured products and categories', async ({
  page,
}) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'nonce-");
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Featured products' })).toBeVisible();
  await expect(page.locator('main article').first()).toBeVisible();
  await shot(page, 'home');
  await expectAccessible(page);
});
