import type { UserRole } from '@market/db';
import { type Actor, actions, can } from '.';

const actor = (role: UserRole): Actor => ({ id: 1, role, email: `${role}@example.test`, sessionId: 's' });
const CATALOG_ACTIONS = [
  'catalog.read',
  'catalog.write',
  'catalog.moderate',
  'inventory.read',
  'inventory.adjust',
] as const;

test('the catalog actions are registered', () => {
  expect(actions).toEqual(expect.arrayContaining([...CATALOG_ACTIONS]));
});

describe.each(CATALOG_ACTIONS)('%s', (action) => {
  test.each(['customer', 'support', 'admin'] as const)('%s: only an admin may', (role) => {
    expect(can(actor(role), action)).toBe(role === 'admin');
  });
});
