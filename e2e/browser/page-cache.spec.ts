import { expect, test } from '@playwright/test';
import { productsInStock } from './catalog';
import { BROWSER_STACK } from './stack';

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

test('anonymous catalog pages come from the page cache with a fresh nonce each, and a price edit shows at once', async ({
  request,
}) => {
  const product = (await productsInStock(request))[50]!;
  const page = `/p/${product.slug}`;

  const first = await request.get(page);
  const second = await request.get(page);
  expect(second.headers()['x-page-cache']).toBe('hit');
  const [html1, html2] = [await first.text(), await second.text()];
  const [nonce1, nonce2] = [
    nonceOf(first.headers()['content-security-policy']),
    nonceOf(second.headers()['content-security-policy']),
  ];
  expect(nonce1).toBeTruthy();
  expect(nonce2).not.toBe(nonce1);
  // Every inline script of the cached copy carries this response's nonce, none the first one's.
  expect(html2).toContain(`nonce="${nonce2}"`);
  expect(html2).not.toContain(nonce1!);
  expect(html1).toContain(`nonce="${nonce1}"`);

  // An admin edits the price: the next anonymous visitor sees the new price, not the cached page.
  const login = await request.post('/api/auth/login', {
    data: { email: 'admin@market.local', password: BROWSER_STACK.adminPassword },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const updated = await request.put(`/api/admin/products/${product.id}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { priceAmount: 123456 },
  });
  expect(updated.status()).toBe(200);
  const after = await request.get(page);
  expect(after.headers()['x-page-cache']).toBe('miss');
  expect(await after.text()).toContain('$1,234.56');

  // A visitor with a cart is never served from the cache.
  const withCart = await request.get(page, { headers: { cookie: 'mk_cart=abc' } });
  expect(withCart.headers()['x-page-cache']).toBeUndefined();
});
