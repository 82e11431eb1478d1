import { QueryTypes } from 'sequelize';
import type { AppDeps } from '../../deps';
import { sendWithEtag } from '../../middlewares/etag';
import { defineRoute } from '../../openapi/route';
import { presentCategoryTree } from '../../presenters/category';
import { cachedCatalogBody } from '../../services/catalog-cache';
import { loadProductListing } from './listing';
import { loadProductPage } from './product-page';
import {
  categoryTreeSchema,
  listProductsQuery,
  productDetailSchema,
  productListSchema,
  slugParams,
} from './schema';

const tags = ['Catalog'];

export const listProducts = defineRoute({
  method: 'get',
  access: 'public',
  path: '/api/products',
  summary: 'Search and browse active products, with facets',
  description:
    'Cached for up to 60 s per query and invalidated by every catalog change; answers 304 to a matching ' +
    '`If-None-Match`. `q` tolerates typos (one in words of 3–5 letters, two beyond), with the search engine and ' +
    "with the embedded default's in-process index alike.",
  tags,
  request: { query: listProductsQuery },
  responses: {
    200: {
      description: 'One page of products and the facets of the whole result',
      schema: productListSchema,
    },
    304: { description: 'Not modified since the ETag in If-None-Match' },
    422: { description: 'A parameter out of range or not allowed' },
  },
  handler: async ({ input, deps, req, res }) => {
    const body = await cachedCatalogBody(deps.cache, 'products', input.query, (generation) =>
      loadProductListing(deps, input.query, generation),
    );
    sendWithEtag(req, res, body);
  },
});

export const getProduct = defineRoute({
  method: 'get',
  access: 'public',
  path: '/api/products/:slug',
  summary: 'One active product: images, availability, rating, related products',
  tags,
  request: { params: slugParams },
  responses: {
    200: { description: 'The product', schema: productDetailSchema },
    304: { description: 'Not modified since the ETag in If-None-Match' },
    404: { description: 'No active product with this slug' },
  },
  handler: async ({ input, deps, req, res }) => {
    const body = await cachedCatalogBody(deps.cache, 'product', { slug: input.params.slug }, () =>
      loadProductPage(deps, input.params.slug),
    );
    sendWithEtag(req, res, body);
  },
});

export const listCategories = defineRoute({
  method: 'get',
  access: 'public',
  path: '/api/categories',
  summary: 'The category tree, each node counting the active products of its subtree',
  tags,
  responses: {
    200: { description: 'The roots of the tree, children nested', schema: categoryTreeSchema },
    304: { description: 'Not modified since the ETag in If-None-Match' },
  },
  handler: async ({ deps, req, res }) => {
    const body = await cachedCatalogBody(deps.cache, 'categories', {}, () => loadCategoryTree(deps));
    sendWithEtag(req, res, body);
  },
});

async function loadCategoryTree(deps: AppDeps) {
  const [categories, counts] = await Promise.all([
    deps.db.models.Category.findAll(),
    deps.db.sequelize.query<{ categoryId: number; count: unknown }>(
      `SELECT category_id AS categoryId, COUNT(*) AS count FROM products ` +
        `WHERE status = 'active' AND category_id IS NOT NULL GROUP BY category_id`,
      { type: QueryTypes.SELECT },
    ),
  ]);
  const direct = new Map(counts.map((row) => [Number(row.categoryId), Number(row.count)]));
  return { items: presentCategoryTree(categories, direct) };
}

export const catalogProductRoutes = [listCategories, listProducts, getProduct];
