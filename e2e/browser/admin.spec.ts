import { rmSync, writeFileSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import sharp from 'sharp';
import { Shopper } from '../testing/shop';
import { paidOrder, signInToAdmin, staffToken } from './admin';
import { productsInStock } from './catalog';
import { shot } from './shots';
import { BROWSER_STACK } from './stack';

test('an admin changes a price and uploads an image; the shop shows both', async ({ page, request }) => {
  const product = (await productsInStock(request)).at(-1)!;
  await signInToAdmin(page, 'admin');
  await shot(page, 'admin-home');

  await page.goto(`/admin/#/products/${product.id}`);
  const price = page.getByLabel('Price');
  await expect(price).toHaveValue(/\d/);

  // An image, uploaded straight to the object store by the presigned flow; its thumbnail follows.
  const alt = `Front view ${Date.now()}`;
  await page.getByLabel(/Text alternative of the next image/).fill(alt);
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#0f766e' } })
    .png()
    .toBuffer();
  await page
    .getByLabel(/Add an image/)
    .setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('front.png added.')).toBeVisible({ timeout: 30_000 });
  const tile = page.getByRole('img', { name: alt });
  const loaded = () =>
    tile.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? img.currentSrc : ''));
  await expect.poll(loaded, { timeout: 30_000 }).toMatch(/thumb-200\.webp/);
  await shot(page, 'admin-product-image');

  await price.fill('123.45');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Product saved')).toBeVisible();
  await shot(page, 'admin-product-saved');

  const res = await request.get(`/api/products/${product.slug}`);
  const shown = (await res.json()) as { price: { amount: number }; images: { alt: string | null }[] };
  expect(shown.price.amount).toBe(12345);
  expect(shown.images.map((image) => image.alt)).toContain(alt);
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

test.describe('support staff', () => {
  test.afterEach(() => rmSync(BROWSER_STACK.captureFaultFile, { force: true }));

  test('retry a stuck capture, and cannot reach users or products', async ({ page, request }) => {
    const product = (await productsInStock(request)).at(-5)!;
    // The payment provider is down for captures: the order is paid (authorized) but its capture gives up.
    writeFileSync(BROWSER_STACK.captureFaultFile, 'down');
    const shopper = new Shopper(BROWSER_STACK.baseUrl);
    expect((await shopper.addToCart(product.id, 1)).status).toBe(200);
    const placed = await shopper.checkout();
    expect(placed.status).toBe(201);
    const order = placed.body.order;
    expect([200, 202, 503]).toContain((await shopper.pay(order.id, 'pm_card_visa')).status);
    const token = await staffToken(request, 'support');
    const stuck = async () => {
      const res = await request.get(`/api/admin/orders/${order.id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return ((await res.json()) as { process: { stuck: string | null } | null }).process?.stuck ?? null;
    };
    await expect.poll(stuck, { timeout: 30_000 }).toBe('capture');
    rmSync(BROWSER_STACK.captureFaultFile); // the provider is back

    await signInToAdmin(page, 'support');
    // Support's menu holds orders; users and products are not offered, and their links are refused.
    await expect(page.getByRole('menuitem', { name: 'Users' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: 'Products' })).toHaveCount(0);
    await page.goto('/admin/#/users');
    await expect(page.getByRole('heading', { name: /Unauthorized|Access denied/i })).toBeVisible();
    await shot(page, 'admin-support-users-refused');

    await page.goto(`/admin/#/orders/${order.id}/show`);
    await page.getByRole('button', { name: 'Retry capture' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retry' }).click();
    await expect((await shopper.waitForOrder(order.id, 'processing')).status).toBe('processing');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Retry capture' })).toHaveCount(0);
    await shot(page, 'admin-support-retried');
  });
});
