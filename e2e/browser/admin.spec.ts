import { type APIRequestContext, expect, test } from '@playwright/test';
import { paidOrder, signInToAdmin, staffToken } from './admin';
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

test('an admin ships, delivers and partly refunds an order, and finds its workflow in Temporal Web', async ({
  page,
  request,
}) => {
  const product = (await productsInStock(request)).at(-2)!;
  const order = await paidOrder(product.id);
  await signInToAdmin(page, 'admin');
  await page.goto(`/admin/#/orders/${order.id}/show`);
  await expect(page.getByText(`Order ${order.number}`).first()).toBeVisible();

  // The Temporal Web link points at this order's workflow.
  const temporal = page.getByRole('link', { name: 'Workflow in Temporal' });
  await expect(temporal).toHaveAttribute('href', new RegExp(`/workflows/order-${order.number}(/|$)`));

  await page.getByRole('button', { name: 'Ship' }).click();
  const ship = page.getByRole('dialog', { name: 'Mark shipped' });
  await ship.getByLabel('Carrier').fill('DHL');
  await ship.getByLabel('Tracking number').fill(`DHL-${order.number}`);
  await ship.getByRole('button', { name: 'Ship' }).click();
  await expect(ship).toBeHidden();
  await expect(page.getByText(`DHL-${order.number}`).first()).toBeVisible();
  await shot(page, 'admin-order-shipped');

  await page.getByRole('button', { name: 'Deliver' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Deliver/ })
    .click();
  await expect(page.getByRole('button', { name: 'Deliver' })).toBeHidden();

  await page.getByRole('button', { name: 'Refund' }).click();
  const refund = page.getByRole('dialog', { name: 'Refund' });
  await refund.getByLabel('Amount').fill('1.00');
  await refund.getByLabel(/Reason/).fill('Scratched box');
  await refund.getByRole('button', { name: /^Refund / }).click();
  await expect(refund).toBeHidden();
  await expect(page.getByText('Scratched box').first()).toBeVisible({ timeout: 30_000 });
  await shot(page, 'admin-order-refunded');

  // What the API recorded: delivered, 1.00 refunded.
  const token = await staffToken(request, 'admin');
  const recorded = async () => {
    const res = await request.get(`/api/admin/orders/${order.id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { status: string; refundedAmount: number };
    return { status: body.status, refundedAmount: body.refundedAmount };
  };
  await expect.poll(recorded, { timeout: 30_000 }).toEqual({ status: 'delivered', refundedAmount: 100 });
});

test('an admin adjusts stock and sees the ledger row', async ({ page, request }) => {
  const product = (await productsInStock(request)).at(-3)!;
  const reference = `PO-${Date.now()}`;
  await signInToAdmin(page, 'admin');
  await page.goto(`/admin/#/inventory/${product.id}`);
  await expect(page.getByText(product.title).first()).toBeVisible();

  await page.getByRole('button', { name: 'Adjust' }).click();
  const dialog = page.getByRole('dialog', { name: /Adjust stock/ });
  await dialog.getByLabel('Change (+ or −)').fill('7');
  await dialog.getByLabel(/Reference/).fill(reference);
  await dialog.getByRole('button', { name: 'Adjust' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toBeVisible();
  await expect(row).toContainText('+7');
  await expect(row).toContainText('admin@market.local');
  await shot(page, 'admin-stock-adjusted');
});

test('an admin approves a pending review and the product rating changes', async ({ page, request }) => {
  const product = (await productsInStock(request)).at(-4)!;
  const before = await ratingOf(request, product.slug);
  // A customer writes a five-star review: it waits for moderation.
  const customer = await request.post('/api/auth/register', {
    data: {
      name: 'Rhea Reviewer',
      email: `reviewer-${Date.now()}@example.com`,
      password: 'a long pass phrase',
    },
  });
  expect(customer.status()).toBe(201);
  const { accessToken } = (await customer.json()) as { accessToken: string };
  const title = `Lovely ${Date.now()}`;
  const written = await request.post(`/api/products/${product.slug}/reviews`, {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { rating: 5, title, body: 'Works as described.' },
  });
  expect(written.status()).toBe(201);
  expect(await ratingOf(request, product.slug)).toEqual(before);

  await signInToAdmin(page, 'admin');
  await page.goto('/admin/#/reviews');
  const row = page.getByRole('row').filter({ hasText: title });
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: /Approve/ }).click();
  await expect(page.getByRole('row').filter({ hasText: title })).toBeHidden();
  await shot(page, 'admin-review-approved');

  // The rating is recomputed from the approved reviews: this product's first is ours (the seeded rating is a demo
  // figure with no reviews behind it).
  await expect
    .poll(() => ratingOf(request, product.slug), { timeout: 15_000 })
    .toEqual({ count: 1, average: 5 });
});

async function ratingOf(
  request: APIRequestContext,
  slug: string,
): Promise<{ count: number; average: number }> {
  const res = await request.get(`/api/products/${slug}`);
  return ((await res.json()) as { rating: { count: number; average: number } }).rating;
}
