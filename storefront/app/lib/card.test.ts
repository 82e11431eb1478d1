import { describe, expect, it } from 'vitest';
import { toCard } from './card';
import type { ProductSummary } from './types';

const summary: ProductSummary = {
  id: 7,
  slug: 'lamp',
  title: 'Lamp',
  price: { amount: 1999, currency: 'EUR' },
  rating: { average: 4.5, count: 2 },
  availability: 'in_stock',
  thumbnailUrl: '/original.jpg',
  thumbnails: { small: '/s.webp', medium: '/m.webp', large: '/l.webp' },
};

describe('toCard', () => {
  it('keeps what a card shows, with the 400 and 800 pixel thumbnails only', () => {
    expect(toCard(summary)).toEqual({
      id: 7,
      slug: 'lamp',
      title: 'Lamp',
      price: { amount: 1999, currency: 'EUR' },
      rating: { average: 4.5, count: 2 },
      availability: 'in_stock',
      image: { src: '/m.webp', large: '/l.webp' },
    });
  });

  it('keeps the highlight of a search hit, and falls back to the original, or to no image', () => {
    const hit = { ...summary, highlight: { title: '<mark>Lamp</mark>' }, thumbnails: null };
    expect(toCard(hit)).toMatchObject({
      highlight: { title: '<mark>Lamp</mark>' },
      image: { src: '/original.jpg' },
    });
    expect(toCard({ ...summary, thumbnails: null, thumbnailUrl: null }).image).toBeNull();
  });
});
