import { z } from 'zod';
import { Op, literal, type WhereOptions } from 'sequelize';
import type { AppDeps } from '../../../deps';
import { ValidationError } from '../../../errors';
import { defineRoute } from '../../../openapi/route';
import { catalogChanged } from '../../../services/catalog-events';
import { matchesText } from '../search';
import { contentRangeHeader, idParams, idsOf, orderOf, pageOf, setContentRange } from '../simple-rest';
import { checkReferences, findProduct, replaceTags, tagIdsOf } from './commands';
import { thumbnailUrls } from '../../../presenters/product-image';
import { firstImages } from '../../catalog/listing';
import { presentAdminProduct } from './present';
import { adminProductSchema, createProductBody, listProductsQuery, updateProductBody } from './schema';

const tags = ['Admin: products'];

type ListFilter = NonNullable<z.output<typeof listProductsQuery>['filter']>;

function productsWhere(deps: AppDeps, filter: ListFilter = {}): WhereOptions {
  const ids = idsOf(filter.id);
  const { sequelize } = deps.db;
  return {
    [Op.and]: [
      ...(filter.q ? [matchesText(sequelize, ['Product.title', 'Product.slug'], filter.q)] : []),
      ...(filter.status ? [{ status: filter.status }] : []),
      ...(filter.categoryId !== undefined ? [{ categoryId: filter.categoryId }] : []),
      ...(filter.tagId !== undefined
        ? [
            {
              id: {
                [Op.in]: literal(
                  `(SELECT product_id FROM product_tags WHERE tag_id = ${sequelize.escape(filter.tagId)})`,
                ),
              },
            },
          ]
        : []),
      ...(ids ? [{ id: { [Op.in]: ids } }] : []),
    ],
  };
}

async function present(deps: AppDeps, id: number) {
  const product = await findProduct(deps, id);
  const tagIds = (await tagIdsOf(deps, [id])).get(id) ?? [];
  return presentAdminProduct(product, tagIds, (await thumbnailsOf(deps, [id])).get(id) ?? null);
}

/** The small thumbnail of each product's first image, presigned. */
async function thumbnailsOf(deps: AppDeps, ids: number[]): Promise<Map<number, string>> {
  const first = await firstImages(deps, ids);
  const urls = await Promise.all(
    [...first].map(async ([id, image]) => [id, (await thumbnailUrls(deps.storage, image)).small] as const),
  );
  return new Map(urls);
}

const common = { 401: { description: 'Not signed in' }, 403: { description: 'Not an admin' } };

export const listProducts = defineRoute({
  method: 'get',
  access: 'catalog.read',
  path: '/api/admin/products',
  summary: 'Products, filtered, sorted and paged (react-admin getList / getMany)',
  tags,
  request: { query: listProductsQuery },
  responses: {
    200: {
      description: 'One page of products',
      schema: z.array(adminProductSchema),
      headers: contentRangeHeader('products'),
    },
    ...common,
    422: { description: 'A sort, range or filter that is not valid JSON or not allowed' },
  },
  handler: async ({ input, deps, res }) => {
    const { sort, range, filter } = input.query;
    const { offset, limit } = pageOf(range);
    const { rows, count } = await deps.db.models.Product.findAndCountAll({
      where: productsWhere(deps, filter),
      include: [{ association: 'inventory' }],
      order: orderOf(sort),
      offset,
      limit,
    });
    const ids = rows.map((p) => p.id);
    const [tagIds, thumbnails] = await Promise.all([tagIdsOf(deps, ids), thumbnailsOf(deps, ids)]);
    setContentRange(res, 'products', { offset, count: rows.length, total: count });
    return rows.map((p) => presentAdminProduct(p, tagIds.get(p.id) ?? [], thumbnails.get(p.id) ?? null));
  },
});

export const getProduct = defineRoute({
  method: 'get',
  access: 'catalog.read',
  path: '/api/admin/products/:id',
  summary: 'One product (react-admin getOne)',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The product', schema: adminProductSchema },
    ...common,
    404: { description: 'No such product' },
  },
  handler: async ({ input, deps }) => present(deps, input.params.id),
});

export const createProduct = defineRoute({
  method: 'post',
  access: 'catalog.write',
  path: '/api/admin/products',
  summary: 'Create a product with its tags and opening stock (react-admin create)',
  description:
    'Product, tags, inventory row and (when onHand > 0) a `restock` stock movement are written in one ' +
    'transaction. A slug in use is a 409 `duplicate`; a missing category or tag a 422.',
  tags,
  status: 201,
  request: { body: createProductBody },
  responses: {
    201: { description: 'The new product', schema: adminProductSchema },
    ...common,
    409: { description: 'The slug is taken' },
    422: { description: 'Invalid fields (negative price or stock, unknown category or tag, …)' },
  },
  handler: async ({ input, deps, actor }) => {
    const { tagIds, onHand, lowStockThreshold, ...fields } = input.body;
    const { Product, Inventory, StockMovement } = deps.db.models;
    const id = await deps.db.sequelize.transaction(async (transaction) => {
      await checkReferences(deps, { categoryId: fields.categoryId, tagIds }, transaction);
      const product = await Product.create(fields, { transaction });
      await replaceTags(deps, product.id, tagIds, transaction);
      await Inventory.create({ productId: product.id, onHand, lowStockThreshold }, { transaction });
      if (onHand > 0) {
        await StockMovement.create(
          {
            productId: product.id,
            delta: onHand,
            reason: 'restock',
            reference: 'opening stock',
            actorUserId: actor.id,
          },
          { transaction },
        );
      }
      return product.id;
    });
    await catalogChanged(deps, { productIds: [id] });
    return present(deps, id);
  },
});

export const updateProduct = defineRoute({
  method: 'put',
  access: 'catalog.write',
  path: '/api/admin/products/:id',
  summary: 'Change a product (react-admin update / updateMany)',
  description:
    'Accepts the whole record react-admin sends back, or only changed fields. Writable: slug, title, ' +
    'description, priceAmount, currency, status, categoryId, tagIds (replaces the set). id must match the path; ' +
    'ratings, stock figures and timestamps are ignored (stock changes through inventory adjustments only).',
  tags,
  request: { params: idParams, body: updateProductBody },
  responses: {
    200: { description: 'The updated product', schema: adminProductSchema },
    ...common,
    404: { description: 'No such product' },
    409: { description: 'The slug is taken' },
    422: { description: 'Unknown fields, another id, or invalid values' },
  },
  handler: async ({ input, deps }) => {
    const id = input.params.id;
    const { slug, title, description, priceAmount, currency, status, categoryId, tagIds } = input.body;
    if (input.body.id !== undefined && input.body.id !== id) {
      throw new ValidationError([
        { path: 'body.id', code: 'id_mismatch', message: 'Must be the id in the path' },
      ]);
    }
    const formerCategoryId = await deps.db.sequelize.transaction(async (transaction) => {
      const product = await findProduct(deps, id, { transaction, lock: true });
      const former = product.categoryId;
      await checkReferences(deps, { categoryId, tagIds }, transaction);
      const changes = Object.fromEntries(
        Object.entries({ slug, title, description, priceAmount, currency, status, categoryId }).filter(
          ([, value]) => value !== undefined,
        ),
      );
      await product.update(changes, { transaction });
      if (tagIds) await replaceTags(deps, id, tagIds, transaction);
      return former;
    });
    await catalogChanged(deps, { productIds: [id], formerCategoryIds: [formerCategoryId] });
    return present(deps, id);
  },
});

export const archiveProduct = defineRoute({
  method: 'delete',
  access: 'catalog.write',
  path: '/api/admin/products/:id',
  summary: 'Archive a product (react-admin delete)',
  description:
    'A soft delete: the product becomes `archived`, leaves the storefront and search, and keeps its rows, so ' +
    'orders, reviews and the stock ledger that refer to it stay whole. PUT status `draft` or `active` brings it ' +
    'back. Answers the archived record, as react-admin expects.',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The archived product', schema: adminProductSchema },
    ...common,
    404: { description: 'No such product' },
  },
  handler: async ({ input, deps }) => {
    const id = input.params.id;
    await deps.db.sequelize.transaction(async (transaction) => {
      const product = await findProduct(deps, id, { transaction, lock: true });
      if (product.status !== 'archived') await product.update({ status: 'archived' }, { transaction });
    });
    await catalogChanged(deps, { productIds: [id] });
    return present(deps, id);
  },
});

export const adminProductRoutes = [listProducts, getProduct, createProduct, updateProduct, archiveProduct];
