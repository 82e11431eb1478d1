import { z } from 'zod';
import { IndexHints, literal, Op, type Order as OrderBy, type WhereOptions } from 'sequelize';
import type { Database } from '@market/db';
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

/**
 * orders(created_at, id, number, email, status, total_amount, user_id), from migration 0011: every column the
 * list filters and sorts on. `q` is a LIKE '%…%', which no index can seek, so a list with `q` reads every order;
 * it reads them from this index (a third of the table's size, no row lookups) and sorts only the matches, rather
 * than walking the sort's index and looking up each row (the optimizer's choice for a LIMIT, about 2–3× slower on
 * 100,000 orders). MariaDB only: Sequelize drops index hints on SQLite.
 */
const LIST_SCAN_INDEX = 'orders_list_scan';

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

interface PageIds {
  ids: number[];
  total: number;
}

/**
 * The page's ids and the number of matches, the rows are read after: the OFFSET walks index entries (every sort
 * field is indexed, and InnoDB appends the id) rather than whole orders with their addresses, so a deep page costs
 * about what the first does.
 */
async function seekPage(db: Database, where: WhereOptions, order: OrderBy, offset: number, limit: number) {
  const { Order } = db.models;
  const [total, page] = await Promise.all([
    Order.count({ where }),
    Order.findAll({ attributes: ['id'], where, order, offset, limit, raw: true }),
  ]);
  return { ids: page.map((row) => row.id), total } satisfies PageIds;
}

/**
 * With `q`, every order is read anyway: one pass over LIST_SCAN_INDEX yields both the page and, as a window
 * COUNT over the matches, the total (a separate COUNT would be a second full pass).
 */
async function scanPage(db: Database, where: WhereOptions, order: OrderBy, offset: number, limit: number) {
  const { Order } = db.models;
  const page = (await Order.findAll({
    attributes: ['id', [literal('COUNT(*) OVER ()'), 'total']],
    where,
    order,
    offset,
    limit,
    indexHints: [{ type: IndexHints.USE, values: [LIST_SCAN_INDEX] }],
    raw: true,
  })) as unknown as { id: number; total: number | string }[];
  // A page past the end has no row to carry the total.
  const total = page.length ? Number(page[0]!.total) : offset > 0 ? await Order.count({ where }) : 0;
  return { ids: page.map((row) => row.id), total } satisfies PageIds;
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
    const { Order } = deps.db.models;
    const where = await ordersWhere(deps, filter);
    const order = orderOf(sort);
    const { ids, total } = await (filter?.q ? scanPage : seekPage)(deps.db, where, order, offset, limit);
    const rows = ids.length ? await Order.findAll({ where: { id: { [Op.in]: ids } }, order }) : [];
    setContentRange(res, 'orders', { offset, count: rows.length, total });
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
