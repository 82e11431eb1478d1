import type { ProductSummary } from '~/lib/types';
import { ProductCard } from './product-card';

/** The first row loads at once (it holds the largest paint on a phone); the rest only when scrolled to. */
export function ProductGrid({
  products,
  eagerCount = 4,
}: {
  products: ProductSummary[];
  eagerCount?: number;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 xl:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCard product={p} load={i === 0 ? 'high' : i < eagerCount ? 'eager' : 'lazy'} />
        </li>
      ))}
    </ul>
  );
}
