import { type Actor, isAdmin, isStaff } from './actor';

/**
 * The back office's figures. Money (revenue, refunds, what sells, what each category earns) and the customer and
 * conversion figures are the business's: admins only. The open-order backlog (counts by status, orders stuck in
 * one) is support's daily work list, so staff see it. Each action names one kind of figure, not one endpoint.
 */
export const analyticsPolicy = {
  'analytics.sales': (actor: Actor) => isAdmin(actor),
  'analytics.orders': (actor: Actor) => isStaff(actor),
};
