import { expect, test } from '@playwright/test';
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
