import { expect, type Page } from '@playwright/test';

/** Puts `quantity` of a product in the cart from its page, as a shopper does. */
export async function addToCart(page: Page, slug: string, quantity = 1): Promise<void> {
  await page.goto(`/p/${slug}`);
  if (quantity !== 1) await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(`Added ${quantity} to your cart.`)).toBeVisible();
}

export const ADDRESS = {
  name: 'Ada Shopper',
  line1: '1 Main Street',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
};

/** From the cart to the payment page: email (guests), the address, Place order. */
export async function checkOut(page: Page, email: string | null): Promise<void> {
  await page.goto('/cart');
  await page.getByRole('link', { name: 'Check out' }).first().click();
  await expect(page).toHaveURL(/\/checkout/);
  if (email) await page.getByLabel('Email').fill(email);
  await page.getByLabel('Full name').fill(ADDRESS.name);
  await page.getByLabel('Street address').fill(ADDRESS.line1);
  await page.getByLabel('City').fill(ADDRESS.city);
  await page.getByLabel('Postal code').fill(ADDRESS.postalCode);
  await page.getByLabel('Country').selectOption(ADDRESS.country);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\/pay$/, { timeout: 30_000 });
}

/** Picks a test card on the payment page and pays. */
export async function payWith(page: Page, card: RegExp): Promise<void> {
  await page.getByRole('radio', { name: card }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
}

/** The order page's status badge reaches one of these labels by itself (the page polls the workflow). */
export async function expectStatus(page: Page, labels: RegExp): Promise<void> {
  await expect(page.locator('main h1 + span')).toHaveText(labels, { timeout: 45_000 });
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}
