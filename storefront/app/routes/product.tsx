import { data, Link, type ShouldRevalidateFunctionArgs } from 'react-router';
import { AddToCart } from '~/components/add-to-cart';
import { Breadcrumbs } from '~/components/breadcrumbs';
import { Gallery } from '~/components/gallery';
import { ProductCard } from '~/components/product-card';
import { ReviewForm } from '~/components/review-form';
import { ReviewList } from '~/components/review-list';
import { Stars } from '~/components/stars';
import { toCard } from '~/lib/card';
import { getJson, isSignedIn } from '~/lib/api.server';
import { formatMoney } from '~/lib/format';
import { addToCart, postReview } from '~/lib/product-actions.server';
import { productJsonLd, scriptJson } from '~/lib/product-json-ld';
import { ApiError } from '~/lib/problem';
import { isSlug, pageNumber } from '~/lib/search-params';
import type { Page, ProductDetail, Review } from '~/lib/types';
import type { Route } from './+types/product';

const REVIEWS_PAGE_SIZE = 5;
const AVAILABILITY = {
  in_stock: { text: 'In stock', tone: 'text-emerald-800' },
  low_stock: { text: 'Only a few left', tone: 'text-amber-800' },
  out_of_stock: { text: 'Out of stock', tone: 'text-red-700' },
} as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  if (!isSlug(params.slug)) throw data('Not found', { status: 404 });
  const url = new URL(request.url);
  const reviewsPage = pageNumber(url.searchParams.get('reviews'));
  const [product, reviews] = await Promise.all([
    getJson<ProductDetail>(context, `/api/products/${params.slug}`).catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 422))
        throw data('Not found', { status: 404 });
      throw error;
    }),
    // The product is the page; its reviews failing to load only empties that section.
    getJson<Page<Review>>(
      context,
      `/api/products/${params.slug}/reviews?page=${reviewsPage}&pageSize=${REVIEWS_PAGE_SIZE}`,
    ).catch(() => null),
  ]);
  // `?image=N` (0-based) is the no-JavaScript gallery: each thumbnail links to its own page.
  const image = url.searchParams.get('image') ?? '';
  const imageIndex = /^\d{1,3}$/.test(image)
    ? Math.min(Number(image), Math.max(product.images.length - 1, 0))
    : 0;
  const { settings, nonce } = context.shop;
  const canonical = `${settings.publicUrl.replace(/\/$/, '')}/p/${product.slug}`;
  return {
    product: { ...product, related: product.related.map(toCard) },
    reviews,
    signedIn: isSignedIn(context),
    imageIndex,
    canonical,
    nonce,
    shopName: settings.name,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'add') return addToCart(context, form);
  if (intent === 'review') return postReview(context, params.slug, form);
  throw data('Unknown action', { status: 400 });
}

// Adding to the cart or posting a (moderated) review changes nothing on this page; the header revalidates itself.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  const intent = formData?.get('intent');
  return intent === 'add' || intent === 'review' ? false : defaultShouldRevalidate;
}

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [{ title: 'Product not found' }];
  const { product, canonical, shopName } = data;
  const description =
    product.description.length > 160 ? `${product.description.slice(0, 157)}…` : product.description;
  const image = product.images[0]?.url;
  return [
    { title: `${product.title} | ${shopName}` },
    { name: 'description', content: description },
    { property: 'og:type', content: 'product' },
    { property: 'og:title', content: product.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: canonical },
    ...(image ? [{ property: 'og:image', content: image }] : []),
    { tagName: 'link', rel: 'canonical', href: canonical },
  ];
}

export default function Product({ loaderData, actionData }: Route.ComponentProps) {
  const { product, reviews, signedIn, imageIndex, canonical, nonce } = loaderData;
  const jsonLd = scriptJson(productJsonLd(product, canonical));
  const reviewResult = actionData?.intent === 'review' ? actionData : undefined;
  const availability = AVAILABILITY[product.availability];
  const crumbs = [
    { name: 'Home', to: '/' },
    ...product.breadcrumbs.map((c) => ({ name: c.name, to: `/c/${c.slug}` })),
    { name: product.title },
  ];
  return (
    <div className="space-y-12">
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <div>
        <Breadcrumbs items={crumbs} />
        <div className="mt-4 grid gap-8 md:grid-cols-2">
          <Gallery images={product.images} title={product.title} initialIndex={imageIndex} key={product.id} />
          <div className="space-y-5">
            <div>
              <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
                {product.title}
              </h1>
              <p className="mt-2">
                <a href="#reviews" className="hover:underline">
                  <Stars average={product.rating.average} count={product.rating.count} />
                </a>
              </p>
            </div>
            <p className="text-3xl font-bold text-slate-900">
              {formatMoney(product.price.amount, product.price.currency)}
            </p>
            <p className={`font-semibold ${availability.tone}`}>{availability.text}</p>
            <AddToCart
              key={product.id}
              productId={product.id}
              availability={product.availability}
              result={actionData?.intent === 'add' ? actionData : undefined}
            />
            <section aria-labelledby="description-heading">
              <h2 id="description-heading" className="text-lg font-bold">
                Description
              </h2>
              <p className="mt-2 whitespace-pre-line text-slate-800">{product.description}</p>
            </section>
            {product.tags.length ? (
              <section aria-labelledby="tags-heading">
                <h2 id="tags-heading" className="text-sm font-bold text-slate-900">
                  Tags
                </h2>
                <ul className="mt-2 flex flex-wrap gap-2">
                  {product.tags.map((tag) => (
                    <li key={tag.slug}>
                      <Link
                        to={`/search?tags=${tag.slug}`}
                        className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-800 hover:border-brand-700"
                      >
                        {tag.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
        </div>
      </div>
      <section id="reviews" aria-labelledby="reviews-heading" className="grid gap-8 lg:grid-cols-[1fr_24rem]">
        <div>
          <h2 id="reviews-heading" className="text-xl font-bold">
            Reviews
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            <Stars average={product.rating.average} count={product.rating.count} />
          </p>
          <div className="mt-4">
            <ReviewList reviews={reviews} href={(page) => `?reviews=${page}#reviews`} />
          </div>
        </div>
        <div className="space-y-4">
          {signedIn || reviewResult ? (
            <ReviewForm productTitle={product.title} result={reviewResult} />
          ) : null}
          {signedIn ? null : (
            <div className="card">
              <h3 className="font-bold">Share your thoughts</h3>
              <p className="mt-1 text-sm text-slate-700">
                Tell other shoppers what you think of this product.
              </p>
              <Link to={`/signin?next=/p/${product.slug}`} className="btn-primary mt-3">
                Sign in to write a review
              </Link>
            </div>
          )}
        </div>
      </section>
      {product.related.length ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading" className="text-xl font-bold">
            You may also like
          </h2>
          <ul className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
            {product.related.map((p) => (
              <li key={p.id}>
                <ProductCard product={p} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
