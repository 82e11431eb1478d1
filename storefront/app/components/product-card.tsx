import { Link } from 'react-router';
import { formatMoney } from '~/lib/format';
import type { CardProduct } from '~/lib/card';
import { CARD_SIZES, cardImageSources } from '~/lib/image-sources';
import { Stars } from './stars';

const AVAILABILITY = {
  in_stock: 'In stock',
  low_stock: 'Only a few left',
  out_of_stock: 'Out of stock',
} as const;

/**
 * A product in a listing (home, search, category, related). With a query the API marks the matched words: `highlight` is
 * escaped by the API with only <mark> added, so it is the one place HTML from the API is rendered.
 */
interface Props {
  product: CardProduct;
  /** 'high' for the first card: its image is the page's largest paint on a phone. */
  load?: 'lazy' | 'eager' | 'high';
}

export function ProductCard({ product, load = 'lazy' }: Props) {
  const { highlight } = product;
  const snippet = highlight?.description?.includes('<mark>') ? highlight.description : null;
  return (
    <article className="relative flex h-full flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:shadow-md">
      <div className="aspect-square overflow-hidden rounded-md bg-slate-100">
        {product.image ? (
          <img
            {...cardImageSources(product.image)}
            sizes={CARD_SIZES}
            alt=""
            width={400}
            height={400}
            loading={load === 'lazy' ? 'lazy' : 'eager'}
            fetchPriority={load === 'high' ? 'high' : 'auto'}
            decoding="async"
            className="h-full w-full object-cover"
          />
        ) : null}
      </div>
      <h3 className="mt-3 text-sm font-semibold text-slate-900 [&_mark]:bg-amber-200 [&_mark]:text-slate-900">
        <Link to={`/p/${product.slug}`} className="after:absolute after:inset-0">
          {highlight?.title ? <span dangerouslySetInnerHTML={{ __html: highlight.title }} /> : product.title}
        </Link>
      </h3>
      {snippet ? (
        <p
          className="mt-1 line-clamp-2 text-xs text-slate-700 [&_mark]:bg-amber-200 [&_mark]:text-slate-900"
          dangerouslySetInnerHTML={{ __html: snippet }}
        />
      ) : null}
      <div className="mt-auto flex items-center justify-between gap-2 pt-2">
        <p className="font-bold">{formatMoney(product.price.amount, product.price.currency)}</p>
        <Stars average={product.rating.average} count={product.rating.count} />
      </div>
      <p
        className={`mt-1 text-xs ${product.availability === 'out_of_stock' ? 'text-red-700' : 'text-slate-700'}`}
      >
        {AVAILABILITY[product.availability]}
      </p>
    </article>
  );
}
