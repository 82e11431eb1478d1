import type { UserRole } from '@market/db';
import { type Actor, actions, can } from '.';

const actor = (role: UserRole): Actor => ({ id: 1, role, email: `${role}@example.test`, sessionId: 's' });
const ORDER_ACTIONS = ['orders.read', 'orders.manage'] as const;

test('the order actions are registered', () => {
  expect(actions).toEqual(expect.arrayContaining([...ORDER_ACTIONS]));
});

describe.each(ORDER_ACTIONS)('%s', (action) => {
  test.each(['customer', 'support', 'admin'] as const)('%s: staff may, customers may not', (role) => {
    expect(can(actor(role), action)).toBe(role !== 'customer');
  });
});
