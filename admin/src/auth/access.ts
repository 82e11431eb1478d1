import type { Role } from './types';

/**
 * Which staff role may open which resource, mirroring api/policies: orders are support's daily work as much as an
 * admin's (orders.read, orders.manage); users, the catalog, reviews and stock are for admins only. The API decides
 * in the end (a 403 keeps the session); this only keeps menus and pages from offering what would be refused.
 */
export const RESOURCES_BY_ROLE: Record<Role, readonly string[]> = {
  customer: [],
  support: ['orders'],
  admin: ['orders', 'products', 'users', 'reviews', 'inventory', 'stock-movements', 'categories', 'tags'],
};

export interface AccessRequest {
  role: Role | undefined;
  resource: string;
  action: string;
  record?: { id?: unknown };
  /** The signed-in user's id, for rules about oneself. */
  selfId?: number;
}

export function canAccess({ role, resource, action, record, selfId }: AccessRequest): boolean {
  if (!role) return false;
  // `orders.total` and the like (field-level checks) follow their resource.
  const base = resource.split('.')[0] ?? resource;
  if (!RESOURCES_BY_ROLE[role].includes(base)) return false;
  // An admin may not edit (demote, disable) themself: api/policies/users.ts.
  if (base === 'users' && action === 'edit' && record?.id !== undefined && record.id === selfId) return false;
  return true;
}
