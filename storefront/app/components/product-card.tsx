import { Link } from 'react-router';
import { formatMoney } from '~/lib/format';
import type { ProductSummary } from '~/lib/types';
import { Stars } from './stars';

const AVAILABILITY = {
  in_stock: 'In stock',
  low_stock: 'Only a few left',
  out_of_stock: 'Out of stock',
} as const;

export function ProductCard({ product, eager = false }: { product: ProductSummary; eager?: boolean }) {
  return (
    <article className="group relative flex flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:shadow-md">
      <div className="aspect-square overflow-hidden rounded-md bg-slate-100">
        {product.thumbnailUrl ? (
          <img
            src={product.thumbnailUrl}
            alt=""
            width={400}
            height={400}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
            className="h-full w-full object-cover"
          />
        ) : null}
      </div>
      <h3 className="mt-3 text-sm font-semibold text-slate-900">
        <Link to={`/p/${product.slug}`} className="after:absolute after:inset-0">
          {product.title}
        </Link>
      </h3>
      <div className="mt-1 flex items-center justify-between gap-2">
        <p className="font-bold">{formatMoney(product.price.amount, product.price.currency)}</p>
        <Stars average={product.rating.average} count={product.rating.count} />
      </div>
      <p
        className={`mt-1 text-xs ${product.availability === 'out_of_stock' ? 'text-red-700' : 'text-slate-600'}`}
      >
        {AVAILABILITY[product.availability]}
      </p>
    </article>
  );
}
