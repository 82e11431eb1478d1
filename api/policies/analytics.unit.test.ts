import type { UserRole } from '@market/db';
import { type Actor, actions, can } from '.';

const actor = (role: UserRole): Actor => ({ id: 1, role, email: `${role}@example.test`, sessionId: 's' });
const ROLES = ['customer', 'support', 'admin'] as const;

test('the analytics actions are registered', () => {
  expect(actions).toEqual(expect.arrayContaining(['analytics.sales', 'analytics.orders']));
});

test.each(ROLES)('analytics.sales (money, customers, conversion) — %s: only an admin may', (role) => {
  expect(can(actor(role), 'analytics.sales')).toBe(role === 'admin');
});

test.each(ROLES)('analytics.orders (the open-order backlog) — %s: staff may', (role) => {
  expect(can(actor(role), 'analytics.orders')).toBe(role !== 'customer');
});
