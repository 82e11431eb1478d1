// schema.org Product data for search engines, written into the server HTML.
import { minorToInput } from './search-params';
import type { Availability, ProductDetail } from './types';

const AVAILABILITY: Record<Availability, string> = {
  in_stock: 'https://schema.org/InStock',
  low_stock: 'https://schema.org/LimitedAvailability',
  out_of_stock: 'https://schema.org/OutOfStock',
};

export function productJsonLd(product: Omit<ProductDetail, 'related'>, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description,
    image: product.images.map((i) => i.url),
    sku: String(product.id),
    ...(product.category ? { category: product.category.name } : {}),
    offers: {
      '@type': 'Offer',
      price: minorToInput(product.price.amount, product.price.currency),
      priceCurrency: product.price.currency,
      availability: AVAILABILITY[product.availability],
      url,
    },
    ...(product.rating.count > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: product.rating.average,
            reviewCount: product.rating.count,
          },
        }
      : {}),
  };
}

/** JSON that is safe inside a <script> element: no "</script>" or "<!--" can be formed from the data. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
