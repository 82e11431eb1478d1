import type { Role } from './types';

/**
 * What the signed-in user may do, from the API itself (`GET /api/me/permissions`, computed by api/policies): one
 * source of truth for menus, buttons and routes. The API still refuses whatever the UI would wrongly offer.
 */
export interface Permissions {
  role: Role;
  /** Every policy action (`orders.read`, `catalog.write`…) and whether this user may do it. */
  actions: Record<string, boolean>;
}

/** The policy action a resource screen needs: reading for list/show, `write` for the rest. */
const NEEDS: Record<string, { read: string; write: string }> = {
  orders: { read: 'orders.read', write: 'orders.manage' },
  products: { read: 'catalog.read', write: 'catalog.write' },
  categories: { read: 'catalog.read', write: 'catalog.write' },
  tags: { read: 'catalog.read', write: 'catalog.write' },
  reviews: { read: 'catalog.moderate', write: 'catalog.moderate' },
  inventory: { read: 'inventory.read', write: 'inventory.adjust' },
  'stock-movements': { read: 'inventory.read', write: 'inventory.adjust' },
  users: { read: 'users.list', write: 'users.update' },
  dashboard: { read: 'analytics.orders', write: 'analytics.orders' },
};

const READS = new Set(['list', 'show', 'read', 'export']);

export interface AccessRequest {
  permissions: Permissions | undefined;
  resource: string;
  action: string;
  record?: { id?: unknown };
  /** The signed-in user's id: an admin may not edit (demote, disable) themself (api/policies/users.ts). */
  selfId?: number;
}

export function canAccess({ permissions, resource, action, record, selfId }: AccessRequest): boolean {
  if (!permissions) return false;
  // `orders.total` and the like (field-level checks) follow their resource.
  const base = resource.split('.')[0] ?? resource;
  const needs = NEEDS[base];
  if (!needs) return false;
  const allowed = permissions.actions[READS.has(action) ? needs.read : needs.write] === true;
  if (!allowed) return false;
  // The one rule that depends on the record; the API's users.update checks it too.
  if (base === 'users' && action === 'edit' && record?.id !== undefined && record.id === selfId) return false;
  return true;
}

/** May this user see sales figures (money), or only the open-order backlog? */
export const seesSales = (permissions: Permissions | undefined) =>
  permissions?.actions['analytics.sales'] === true;
