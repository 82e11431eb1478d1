import { describe, expect, test } from 'vitest';
import type { HttpClient, JsonResponse } from '../http/httpClient';
import { createDataProvider } from './dataProvider';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A fake httpClient that records each request and answers `{ id }` (or a list with a Content-Range). */
function fakeHttp() {
  const sent: Sent[] = [];
  const client = async (url: string, options: RequestInit = {}): Promise<JsonResponse> => {
    sent.push({
      url,
      method: options.method ?? 'GET',
      headers: new Headers(options.headers),
      body: typeof options.body === 'string' ? JSON.parse(options.body) : undefined,
    });
    const list = !/\/\d+(\/|$)/.test(new URL(url, 'http://x').pathname);
    return {
      status: 200,
      headers: new Headers(list ? { 'Content-Range': 'items 0-0/1' } : {}),
      body: '',
      json: list ? [{ id: 1 }] : { id: 1 },
    };
  };
  const http = Object.assign(client, { blob: async () => new Blob() }) as HttpClient;
  return { http, sent };
}

const decoded = (url: string): Record<string, unknown> => {
  const u = new URL(url, 'http://x');
  return { path: u.pathname, ...Object.fromEntries([...u.searchParams].map(([k, v]) => [k, JSON.parse(v)])) };
};

describe('order actions', () => {
  test('ship posts the parcel, without an empty tracking URL', async () => {
    const { http, sent } = fakeHttp();
    await createDataProvider(http).shipOrder(5, { carrier: 'DHL', trackingNumber: 'JJD-1', trackingUrl: '' });
    expect(sent).toEqual([
      expect.objectContaining({
        url: '/api/admin/orders/5/ship',
        method: 'POST',
        body: { carrier: 'DHL', trackingNumber: 'JJD-1' },
      }),
    ]);
  });

  test('deliver and retry post an empty object', async () => {
    const { http, sent } = fakeHttp();
    const dp = createDataProvider(http);
    await dp.deliverOrder(5);
    await dp.retryOrder(6);
    expect(sent.map((s) => [s.url, s.method, s.body])).toEqual([
      ['/api/admin/orders/5/deliver', 'POST', {}],
      ['/api/admin/orders/6/retry', 'POST', {}],
    ]);
  });

  test('cancel posts the reason', async () => {
    const { http, sent } = fakeHttp();
    await createDataProvider(http).cancelOrder(5, { reason: 'Customer called' });
    expect(sent[0]).toMatchObject({ url: '/api/admin/orders/5/cancel', body: { reason: 'Customer called' } });
  });

  test('refund sends minor units and the Idempotency-Key header', async () => {
    const { http, sent } = fakeHttp();
    await createDataProvider(http).refundOrder(5, { amount: 1250, reason: 'Damaged' }, 'key-12345678');
    expect(sent[0]).toMatchObject({
      url: '/api/admin/orders/5/refund',
      body: { amount: 1250, reason: 'Damaged' },
    });
    expect(sent[0]!.headers.get('Idempotency-Key')).toBe('key-12345678');
  });

  test('a full refund says so (an empty body is refused by the API)', async () => {
    const { http, sent } = fakeHttp();
    await createDataProvider(http).refundOrder(5, { full: true, reason: undefined }, 'key-12345678');
    expect(sent[0]!.body).toEqual({ full: true });
  });
});

describe('catalog actions', () => {
  test('adjustStock posts to the product’s adjustments', async () => {
    const { http, sent } = fakeHttp();
    await createDataProvider(http).adjustStock(9, { delta: -2, reason: 'adjustment', reference: 'count 3' });
    expect(sent[0]).toMatchObject({
      url: '/api/admin/inventory/9/adjustments',
      method: 'POST',
      body: { delta: -2, reason: 'adjustment', reference: 'count 3' },
    });
  });

  test('approveReview and rejectReview post to the one review', async () => {
    const { http, sent } = fakeHttp();
    const dp = createDataProvider(http);
    await dp.approveReview(1);
    await dp.rejectReview(3);
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/admin/reviews/1/approve',
      'POST /api/admin/reviews/3/reject',
    ]);
  });

  test('image upload slot, confirmation (no empty alt) and delete', async () => {
    const { http, sent } = fakeHttp();
    const dp = createDataProvider(http);
    await dp.requestImageUpload(4, { contentType: 'image/png', contentLength: 1234 });
    await dp.confirmImageUpload(4, { uploadId: 'u-1', alt: '' });
    await dp.deleteProductImage(4, 9);
    expect(sent.map((s) => [`${s.method} ${s.url}`, s.body])).toEqual([
      ['POST /api/admin/products/4/images/uploads', { contentType: 'image/png', contentLength: 1234 }],
      ['POST /api/admin/products/4/images', { uploadId: 'u-1' }],
      ['DELETE /api/admin/products/4/images/9', undefined],
    ]);
  });

  test('reorderProductImages puts the whole order and returns the images as answered', async () => {
    const { http, sent } = fakeHttp();
    const result = await createDataProvider(http).reorderProductImages(4, [9, 3, 5]);
    expect(sent.map((s) => [`${s.method} ${s.url}`, s.body])).toEqual([
      ['PUT /api/admin/products/4/images/order', { imageIds: [9, 3, 5] }],
    ]);
    expect(result).toEqual({ data: { id: 1 } });
  });
});

describe('simple-rest dialect', () => {
  test('getList sends sort, range and filter as JSON and reads the total from Content-Range', async () => {
    const { http, sent } = fakeHttp();
    const result = await createDataProvider(http).getList('products', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'title', order: 'ASC' },
      filter: { q: 'mug', status: 'active' },
    });
    expect(result.total).toBe(1);
    expect(decoded(sent[0]!.url)).toEqual({
      path: '/api/admin/products',
      sort: ['title', 'ASC'],
      range: [25, 49],
      filter: { q: 'mug', status: 'active' },
    });
  });

  test('the orders’ customer filter is sent only as an id or a whole email', async () => {
    const { http, sent } = fakeHttp();
    const dp = createDataProvider(http);
    const list = (customer: string) =>
      dp.getList('orders', {
        pagination: { page: 1, perPage: 10 },
        sort: { field: 'createdAt', order: 'DESC' },
        filter: { customer, status: 'paid' },
      });
    await list('ann@');
    await list('ann@example.com');
    expect(decoded(sent[0]!.url).filter).toEqual({ status: 'paid' });
    expect(decoded(sent[1]!.url).filter).toEqual({ status: 'paid', customer: 'ann@example.com' });
  });
});
