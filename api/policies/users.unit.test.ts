import type { User, UserRole } from '@market/db';
import { ForbiddenError } from '../errors';
import { type Actor, actions, authorize, can } from '.';

const actor = (role: UserRole, id = 1): Actor => ({
  id,
  role,
  email: `${role}@example.test`,
  sessionId: 's',
});
// The rules look only at the id; a plain object stands in for the model.
const userRecord = (id: number) => ({ id }) as User;

const ROLES: UserRole[] = ['customer', 'support', 'admin'];
const USER_ACTIONS = ['users.list', 'users.read', 'users.update'] as const;

test('the user actions are registered', () => {
  expect(actions).toEqual(expect.arrayContaining([...USER_ACTIONS]));
});

describe.each(USER_ACTIONS)('%s', (action) => {
  test.each(ROLES)('%s: only an admin may', (role) => {
    expect(can(actor(role), action)).toBe(role === 'admin');
  });
});

describe('users.update with the target user', () => {
  test('an admin may update another user, of any role', () => {
    for (const role of ROLES)
      expect(can(actor('admin', 1), 'users.update', { id: 2, role } as User)).toBe(true);
  });

  test('an admin may not update themself (no demoting or disabling the last way in)', () => {
    expect(can(actor('admin', 7), 'users.update', userRecord(7))).toBe(false);
  });

  test.each(['customer', 'support'] as const)('%s may not update anyone, not even themself', (role) => {
    expect(can(actor(role, 3), 'users.update', userRecord(4))).toBe(false);
    expect(can(actor(role, 3), 'users.update', userRecord(3))).toBe(false);
  });
});

describe('authorize', () => {
  test('passes silently when allowed', () => {
    expect(() => authorize(actor('admin', 1), 'users.update', userRecord(2))).not.toThrow();
  });

  test('throws a 403 ForbiddenError when not', () => {
    const attempt = () => authorize(actor('admin', 1), 'users.update', userRecord(1));
    expect(attempt).toThrow(ForbiddenError);
    expect(attempt).toThrow(expect.objectContaining({ status: 403, code: 'forbidden' }));
    expect(() => authorize(actor('support'), 'users.list')).toThrow(ForbiddenError);
  });
});
