import { describe, expect, it } from 'vitest';
import { productJsonLd, scriptJson } from './product-json-ld';
import type { ProductDetail } from './types';

const product: ProductDetail = {
  id: 7,
  slug: 'lamp-7',
  title: 'Lamp </script><script>alert(1)</script>',
  price: { amount: 1999, currency: 'USD' },
  rating: { average: 4.33, count: 3 },
  availability: 'low_stock',
  thumbnailUrl: 'https://img.test/1.png',
  description: 'Bright & warm',
  category: { slug: 'lights', name: 'Lights' },
  breadcrumbs: [],
  tags: [],
  images: [{ url: 'https://img.test/1.png?a=1&b=2', alt: null, width: 800, height: 800 }],
  related: [],
};

describe('productJsonLd', () => {
  it('describes the product and its offer for search engines', () => {
    expect(productJsonLd(product, 'https://shop.test/p/lamp-7')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: product.title,
      description: 'Bright & warm',
      image: ['https://img.test/1.png?a=1&b=2'],
      sku: '7',
      category: 'Lights',
      offers: {
        '@type': 'Offer',
        price: '19.99',
        priceCurrency: 'USD',
        availability: 'https://schema.org/LimitedAvailability',
        url: 'https://shop.test/p/lamp-7',
      },
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.33, reviewCount: 3 },
    });
  });

  it('leaves the rating out without reviews, and writes prices in the currency’s own digits', () => {
    const ld = productJsonLd(
      { ...product, rating: { average: 0, count: 0 }, price: { amount: 1500, currency: 'JPY' } },
      'u',
    );
    expect(ld).not.toHaveProperty('aggregateRating');
    expect(ld.offers.price).toBe('1500');
  });
});

describe('scriptJson', () => {
  it('cannot close the script element, yet parses back to the same value', () => {
    const text = scriptJson(productJsonLd(product, 'u'));
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(productJsonLd(product, 'u'));
  });
});
