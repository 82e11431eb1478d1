import { z } from 'zod';
import { Op, type WhereOptions } from 'sequelize';
import type { AppDeps } from '../../../deps';
import { defineRoute } from '../../../openapi/route';
import { matchesText } from '../search';
import { contentRangeHeader, idParams, idsOf, orderOf, pageOf, setContentRange } from '../simple-rest';
import { orderActionRoutes } from './actions';
import { findOrder, presentAdminOrder, presentAdminOrderSummary } from './present';
import { adminOrderSchema, adminOrderSummarySchema, listOrdersQuery, type OrderListFilter } from './schema';

const tags = ['Admin: orders'];
const DAY_MS = 24 * 60 * 60 * 1000;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `to` as a day includes all of it (placed before the next midnight, UTC); as an instant, up to and including it. */
function createdAtRange(from?: string, to?: string): WhereOptions[] {
  const range: Record<symbol, Date> = {};
  if (from) range[Op.gte] = new Date(isDay(from) ? `${from}T00:00:00Z` : from);
  if (to) {
    if (isDay(to)) range[Op.lt] = new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS);
    else range[Op.lte] = new Date(to);
  }
  return from || to ? [{ createdAt: range }] : [];
}

/** A user id, or an email: the order's own email (guests) or the email of the account that placed it. */
async function customerWhere(deps: AppDeps, customer: number | string | undefined): Promise<WhereOptions[]> {
  if (customer === undefined) return [];
  if (typeof customer === 'number') return [{ userId: customer }];
  const email = customer.trim().toLowerCase();
  const user = await deps.db.models.User.findOne({ where: { email }, attributes: ['id'] });
  return [{ [Op.or]: [{ email }, ...(user ? [{ userId: user.id }] : [])] }];
}

async function ordersWhere(deps: AppDeps, filter: OrderListFilter = {}): Promise<WhereOptions> {
  const ids = idsOf(filter.id);
  return {
    [Op.and]: [
      ...(filter.q ? [matchesText(deps.db.sequelize, ['number', 'email'], filter.q)] : []),
      ...(filter.status ? [{ status: { [Op.in]: ([] as string[]).concat(filter.status) } }] : []),
      ...createdAtRange(filter.from, filter.to),
      ...(await customerWhere(deps, filter.customer)),
      ...(ids ? [{ id: { [Op.in]: ids } }] : []),
    ],
  };
}

export const listAdminOrders = defineRoute({
  method: 'get',
  access: 'orders.read',
  path: '/api/admin/orders',
  summary: 'Orders, filtered, sorted and paged (react-admin getList / getMany)',
  tags,
  request: { query: listOrdersQuery },
  responses: {
    200: {
      description: 'One page of orders',
      schema: z.array(adminOrderSummarySchema),
      headers: contentRangeHeader('orders'),
    },
    401: { description: 'Not signed in' },
    403: { description: 'Not staff' },
    422: { description: 'A sort, range or filter that is not valid JSON or not allowed' },
  },
  handler: async ({ input, deps, res }) => {
    const { sort, range, filter } = input.query;
    const { offset, limit } = pageOf(range);
    const { rows, count } = await deps.db.models.Order.findAndCountAll({
      where: await ordersWhere(deps, filter),
      order: orderOf(sort),
      offset,
      limit,
    });
    setContentRange(res, 'orders', { offset, count: rows.length, total: count });
    return rows.map(presentAdminOrderSummary);
  },
});

export const getAdminOrder = defineRoute({
  method: 'get',
  access: 'orders.read',
  path: '/api/admin/orders/:id',
  summary:
    'One order: lines, payment, timeline, shipment, refunds, customer and its workflow (react-admin getOne)',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The order', schema: adminOrderSchema },
    401: { description: 'Not signed in' },
    403: { description: 'Not staff' },
    404: { description: 'No such order' },
  },
  handler: async ({ input, deps }) => presentAdminOrder(deps, await findOrder(deps, input.params.id)),
});

export const adminOrderRoutes = [listAdminOrders, getAdminOrder, ...orderActionRoutes];
