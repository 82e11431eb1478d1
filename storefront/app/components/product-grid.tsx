import type { CardProduct } from '~/lib/card';
import { ProductCard } from './product-card';

/**
 * Only the first card's image loads at once, with high priority (React preloads it from <head>): it is the largest
 * paint on a phone, and on a slow line every other eager image would share its bandwidth (search LCP 2.9 s with four
 * eager images). The rest are lazy; those in view still load as soon as the layout is known.
 * Cards out of view skip layout and paint until scrolled near (`content-visibility: auto`, with a remembered size so
 * the scrollbar does not jump): the first layout of a 24-card page was the longest task before hydration.
 */
export function ProductGrid({ products, eagerCount = 1 }: { products: CardProduct[]; eagerCount?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 xl:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.id} className="[contain-intrinsic-size:auto_22rem] [content-visibility:auto]">
          <ProductCard product={p} load={i === 0 ? 'high' : i < eagerCount ? 'eager' : 'lazy'} />
        </li>
      ))}
    </ul>
  );
}
