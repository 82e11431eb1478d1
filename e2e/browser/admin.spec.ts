import { expect, test } from '@playwright/test';
import { signInToAdmin } from './admin';
import { productsInStock } from './catalog';
import { shot } from './shots';

test('an admin changes a price and the shop shows it', async ({ page, request }) => {
  const product = (await productsInStock(request)).at(-1)!;
  await signInToAdmin(page, 'admin');
  await shot(page, 'admin-home');

  await page.goto(`/admin/#/products/${product.id}`);
  const price = page.getByLabel('Price');
  await expect(price).toHaveValue(/\d/);
  await price.fill('123.45');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Element updated')).toBeVisible();
  await shot(page, 'admin-product-saved');

  const res = await request.get(`/api/products/${product.slug}`);
  expect(((await res.json()) as { price: { amount: number } }).price.amount).toBe(12345);
  await page.goto(`/p/${product.slug}`);
  await expect(page.locator('main')).toContainText('123.45');
});
