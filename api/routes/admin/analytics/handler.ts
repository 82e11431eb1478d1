import { defineRoute } from '../../../openapi/route';
import { revenueByCategory } from './categories';
import { customersReport } from './customers';
import { openOrders } from './open-orders';
import { topProducts } from './products';
import { resolveRange } from './range';
import { salesReport } from './sales';
import {
  categoriesQuery,
  categoriesSchema,
  customersQuery,
  customersSchema,
  openOrdersQuery,
  openOrdersSchema,
  salesQuery,
  salesSchema,
  topProductsQuery,
  topProductsSchema,
} from './schema';

/**
 * Dashboard figures, each computed by the database (GROUP BY) over UTC days. Definitions: docs/analytics.md.
 * Money and customers are `analytics.sales` (admins); the open-order backlog is `analytics.orders` (staff).
 */
const tags = ['Admin: analytics'];
const denied = {
  401: { description: 'Not signed in' },
  403: { description: 'Not allowed to see these figures' },
};
const badRange = {
  description: 'A day that is not YYYY-MM-DD, from after to, more than 366 days, unknown fields',
};

export const getSales = defineRoute({
  method: 'get',
  access: 'analytics.sales',
  path: '/api/admin/analytics/sales',
  summary: 'Revenue and paid orders per UTC day, with totals and average order value',
  tags,
  request: { query: salesQuery },
  responses: { 200: { description: 'The range’s sales', schema: salesSchema }, ...denied, 422: badRange },
  handler: ({ input, deps }) =>
    salesReport(deps.db, resolveRange(input.query, new Date()), deps.config.checkout.currency),
});

export const getTopProducts = defineRoute({
  method: 'get',
  access: 'analytics.sales',
  path: '/api/admin/analytics/products',
  summary: 'Best-selling products of the range, by line revenue or by units',
  tags,
  request: { query: topProductsQuery },
  responses: {
    200: { description: 'The top products', schema: topProductsSchema },
    ...denied,
    422: badRange,
  },
  handler: ({ input, deps }) => {
    const { by, limit } = input.query;
    const range = resolveRange(input.query, new Date());
    return topProducts(deps.db, range, deps.config.checkout.currency, by, limit);
  },
});

export const getCategoryRevenue = defineRoute({
  method: 'get',
  access: 'analytics.sales',
  path: '/api/admin/analytics/categories',
  summary: 'Line revenue of the range per category, or per top-level category',
  tags,
  request: { query: categoriesQuery },
  responses: {
    200: { description: 'Revenue per category', schema: categoriesSchema },
    ...denied,
    422: badRange,
  },
  handler: ({ input, deps }) => {
    const range = resolveRange(input.query, new Date());
    return revenueByCategory(deps.db, range, deps.config.checkout.currency, input.query.level);
  },
});

export const getCustomers = defineRoute({
  method: 'get',
  access: 'analytics.sales',
  path: '/api/admin/analytics/customers',
  summary: 'New customers, carts created and cart-to-order conversion in the range',
  tags,
  request: { query: customersQuery },
  responses: {
    200: { description: 'Customer figures', schema: customersSchema },
    ...denied,
    422: badRange,
  },
  handler: ({ input, deps }) => customersReport(deps.db, resolveRange(input.query, new Date())),
});

export const getOpenOrders = defineRoute({
  method: 'get',
  access: 'analytics.orders',
  path: '/api/admin/analytics/open-orders',
  summary: 'Orders waiting in each open status now, and how many of them are stuck',
  tags,
  request: { query: openOrdersQuery },
  responses: {
    200: { description: 'The open-order backlog', schema: openOrdersSchema },
    ...denied,
    422: { description: 'stuckAfterHours not a whole number of hours from 1 to 2160, unknown fields' },
  },
  handler: ({ input, deps }) => openOrders(deps.db, input.query.stuckAfterHours, new Date()),
});

export const analyticsRoutes = [getSales, getTopProducts, getCategoryRevenue, getCustomers, getOpenOrders];
