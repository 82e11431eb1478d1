import { z } from 'zod';
import { Op, col, literal, where, type WhereOptions } from 'sequelize';
import type { Inventory, Product } from '@market/db';
import type { AppDeps } from '../../../deps';
import { NotFoundError, ValidationError } from '../../../errors';
import { defineRoute } from '../../../openapi/route';
import { catalogChanged } from '../../../services/catalog-events';
import { matchesText } from '../search';
import {
  contentRangeHeader,
  idParams,
  idsOf,
  orderOf,
  pageOf,
  setContentRange,
  type SortOrder,
} from '../simple-rest';
import { adjustStock } from './adjust';
import { presentInventory, presentStockMovement } from './present';
import {
  adjustmentBody,
  adjustmentResultSchema,
  adminInventorySchema,
  listInventoryQuery,
  listStockMovementsQuery,
  stockMovementSchema,
  updateInventoryBody,
} from './schema';

const tags = ['Admin: inventory'];
const common = { 401: { description: 'Not signed in' }, 403: { description: 'Not an admin' } };

type InventoryFilter = NonNullable<z.output<typeof listInventoryQuery>['filter']>;

// Backticks quote identifiers on MariaDB and SQLite alike; `Inventory` is the alias Sequelize gives the main table.
const AVAILABLE = literal('`Inventory`.`on_hand` - `Inventory`.`reserved`');

function inventoryWhere(deps: AppDeps, filter: InventoryFilter = {}): WhereOptions {
  const ids = idsOf(filter.id);
  const threshold = col('Inventory.low_stock_threshold');
  return {
    [Op.and]: [
      ...(filter.q ? [matchesText(deps.db.sequelize, ['product.title', 'product.slug'], filter.q)] : []),
      ...(filter.lowStock !== undefined
        ? [where(AVAILABLE, filter.lowStock ? Op.lte : Op.gt, threshold)]
        : []),
      ...(ids ? [{ productId: { [Op.in]: ids } }] : []),
    ],
  };
}

const withProduct = { association: 'product', attributes: ['id', 'title', 'slug'] };

async function findInventory(deps: AppDeps, productId: number) {
  const row = await deps.db.models.Inventory.findByPk(productId, { include: [withProduct] });
  if (!row) throw new NotFoundError('There is no stock record for this product.');
  return row as Inventory & { product?: Product };
}

export const listInventory = defineRoute({
  method: 'get',
  access: 'inventory.read',
  path: '/api/admin/inventory',
  summary: 'Stock per product, filtered, sorted and paged (react-admin getList / getMany)',
  description:
    'Record ids are product ids. `filter={"lowStock":true}`: available (on hand − reserved) ≤ threshold.',
  tags,
  request: { query: listInventoryQuery },
  responses: {
    200: {
      description: 'One page of stock records',
      schema: z.array(adminInventorySchema),
      headers: contentRangeHeader('inventory'),
    },
    ...common,
    422: { description: 'A sort, range or filter that is not valid JSON or not allowed' },
  },
  handler: async ({ input, deps, res }) => {
    const { sort, range, filter } = input.query;
    const { offset, limit } = pageOf(range);
    // The record id is the product id, the model's primary key.
    const order = orderOf(sort).map(([field, direction]): [string, SortOrder] => [
      field === 'id' ? 'productId' : field,
      direction,
    ]);
    const { rows, count } = await deps.db.models.Inventory.findAndCountAll({
      where: inventoryWhere(deps, filter),
      include: [withProduct],
      order,
      offset,
      limit,
    });
    setContentRange(res, 'inventory', { offset, count: rows.length, total: count });
    return rows.map((row) => presentInventory(row as Inventory & { product?: Product }));
  },
});

export const getInventory = defineRoute({
  method: 'get',
  access: 'inventory.read',
  path: '/api/admin/inventory/:id',
  summary: 'Stock of one product (react-admin getOne; the id is the product id)',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The stock record', schema: adminInventorySchema },
    ...common,
    404: { description: 'No stock record for this product' },
  },
  handler: async ({ input, deps }) => presentInventory(await findInventory(deps, input.params.id)),
});

export const updateInventory = defineRoute({
  method: 'put',
  access: 'inventory.adjust',
  path: '/api/admin/inventory/:id',
  summary: 'Change a product’s low-stock threshold (react-admin update / updateMany)',
  description:
    'Only lowStockThreshold is writable; the stock figures are accepted and ignored, because stock changes only ' +
    'through POST …/adjustments, which records each change in the ledger.',
  tags,
  request: { params: idParams, body: updateInventoryBody },
  responses: {
    200: { description: 'The stock record', schema: adminInventorySchema },
    ...common,
    404: { description: 'No stock record for this product' },
    422: { description: 'Unknown fields, another id, or a negative threshold' },
  },
  handler: async ({ input, deps }) => {
    const id = input.params.id;
    if (input.body.id !== undefined && input.body.id !== id) {
      throw new ValidationError([
        { path: 'body.id', code: 'id_mismatch', message: 'Must be the id in the path' },
      ]);
    }
    const row = await findInventory(deps, id);
    const { lowStockThreshold } = input.body;
    if (lowStockThreshold !== undefined && lowStockThreshold !== row.lowStockThreshold) {
      // A single-column UPDATE: it cannot race with stock changes, which never touch the threshold.
      await deps.db.models.Inventory.update({ lowStockThreshold }, { where: { productId: id } });
      await catalogChanged(deps, { productIds: [] });
    }
    return presentInventory(await findInventory(deps, id));
  },
});

export const adjustInventory = defineRoute({
  method: 'post',
  access: 'inventory.adjust',
  path: '/api/admin/inventory/:id/adjustments',
  summary: 'Adjust a product’s stock, with a reason recorded in the stock-movement ledger',
  description:
    'One conditional UPDATE plus one ledger row naming the admin, in one transaction. Stock never goes ' +
    'negative nor below the units reserved by orders: such a change is a 409 `insufficient_stock` and writes ' +
    'nothing. restock and return must add stock; adjustment may go either way.',
  tags,
  status: 201,
  request: { params: idParams, body: adjustmentBody },
  responses: {
    201: { description: 'The new stock and the ledger row', schema: adjustmentResultSchema },
    ...common,
    404: { description: 'No such product' },
    409: { description: 'insufficient_stock' },
    422: { description: 'A zero, fractional or wrongly signed delta, an unknown reason or field' },
  },
  handler: async ({ input, deps, actor }) => {
    const movement = await adjustStock(deps, actor, { productId: input.params.id, ...input.body });
    return {
      inventory: presentInventory(await findInventory(deps, input.params.id)),
      movement: presentStockMovement(movement),
    };
  },
});

type MovementFilter = NonNullable<z.output<typeof listStockMovementsQuery>['filter']>;

function movementsWhere(filter: MovementFilter = {}): WhereOptions {
  const ids = idsOf(filter.id);
  return {
    [Op.and]: [
      ...(filter.productId !== undefined ? [{ productId: filter.productId }] : []),
      ...(filter.reason ? [{ reason: filter.reason }] : []),
      ...(filter.actorUserId !== undefined ? [{ actorUserId: filter.actorUserId }] : []),
      ...(ids ? [{ id: { [Op.in]: ids } }] : []),
    ],
  };
}

export const listStockMovements = defineRoute({
  method: 'get',
  access: 'inventory.read',
  path: '/api/admin/stock-movements',
  summary: 'The stock ledger, filtered, sorted and paged (react-admin getList / getManyReference)',
  description: 'A product’s history: `filter={"productId":42}&sort=["id","DESC"]`. Rows are never changed.',
  tags,
  request: { query: listStockMovementsQuery },
  responses: {
    200: {
      description: 'One page of stock movements',
      schema: z.array(stockMovementSchema),
      headers: contentRangeHeader('stock-movements'),
    },
    ...common,
    422: { description: 'A sort, range or filter that is not valid JSON or not allowed' },
  },
  handler: async ({ input, deps, res }) => {
    const { sort, range, filter } = input.query;
    const { offset, limit } = pageOf(range);
    const { rows, count } = await deps.db.models.StockMovement.findAndCountAll({
      where: movementsWhere(filter),
      order: orderOf(sort),
      offset,
      limit,
    });
    setContentRange(res, 'stock-movements', { offset, count: rows.length, total: count });
    return rows.map(presentStockMovement);
  },
});

export const adminInventoryRoutes = [
  listInventory,
  getInventory,
  updateInventory,
  adjustInventory,
  listStockMovements,
];
