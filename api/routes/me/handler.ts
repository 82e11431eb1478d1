import { hashPassword, type User, verifyPassword } from '@market/db';
import { sessionContext } from '../../auth/context';
import { passwordProblems } from '../../auth/passwords';
import { endAllSessions, startSession } from '../../auth/sessions';
import type { AppDeps } from '../../deps';
import { type FieldError, UnauthorizedError, ValidationError } from '../../errors';
import { defineRoute } from '../../openapi/route';
import { type Actor, actions, can } from '../../policies';
import { presentUser } from '../../presenters/user';
import { authLimit } from '../auth/limits';
import { userSchema } from '../auth/schema';
import { permissionsSchema, updateMeBody, updateMeResult } from './schema';

const tags = ['Me'];
const unauthorized = { description: 'No valid access token (`invalid_token`)' };

async function loadMe(deps: AppDeps, actor: Actor): Promise<User> {
  const user = await deps.db.models.User.findByPk(actor.id);
  // authenticate() has just loaded this user; a row deleted in between is still not a 500.
  if (!user) throw new UnauthorizedError('A valid access token is required.', 'invalid_token');
  return user;
}

/** Why the password may not be changed, if it may not: a wrong current password, a weak new one. */
async function passwordChangeProblems(user: User, current: string, next: string): Promise<FieldError[]> {
  const path = 'body.currentPassword';
  const problems: FieldError[] = [];
  if (!user.passwordHash) {
    problems.push({
      path,
      message: 'This account has no password (it signs in with Google)',
      code: 'no_password',
    });
  } else if (!(await verifyPassword(user.passwordHash, current))) {
    problems.push({ path, message: 'The current password is wrong', code: 'current_password_invalid' });
  }
  return [...problems, ...passwordProblems(next, user.email, 'body.newPassword')];
}

export const getMe = defineRoute({
  method: 'get',
  path: '/api/me',
  access: 'signed-in',
  summary: 'The signed-in user',
  tags,
  responses: { 200: { description: 'The user', schema: userSchema }, 401: unauthorized },
  handler: async ({ deps, actor }) => presentUser(await loadMe(deps, actor)),
});

export const updateMe = defineRoute({
  method: 'patch',
  path: '/api/me',
  access: 'signed-in',
  summary: 'Change your name or password',
  description:
    'A name change returns `{ user }`. A password change needs `currentPassword` (a wrong one is a 422 ' +
    '`validation_failed` with `current_password_invalid` on `body.currentPassword` — not a 401, which would ' +
    'read as "your session is over") and the password rules of register. It ends every session of the user ' +
    '(all refresh tokens revoked, all access tokens refused, including the one of this request) and returns ' +
    '`{ user, accessToken, refreshToken, … }`: a new session for the caller. Failed attempts are limited like ' +
    'logins (AUTH_RATE_LIMIT_PER_MINUTE per client IP and minute).',
  tags,
  request: { body: updateMeBody },
  responses: {
    200: { description: 'Updated; with new tokens after a password change', schema: updateMeResult },
    401: unauthorized,
    422: { description: 'Invalid input, wrong current password or weak new password' },
    429: { description: 'Too many failed attempts from this client; see Retry-After' },
  },
  before: authLimit('profile'),
  handler: async ({ input, deps, actor }) => {
    const user = await loadMe(deps, actor);
    const { name, currentPassword, newPassword } = input.body;
    // The schema admits currentPassword and newPassword only together: without them, this is a name change.
    if (newPassword === undefined || currentPassword === undefined) {
      await user.update({ name });
      return { user: presentUser(user) };
    }
    const problems = await passwordChangeProblems(user, currentPassword, newPassword);
    if (problems.length) throw new ValidationError(problems);
    // The new hash first: from here on only the new password signs in, then every existing session ends.
    await user.update({
      ...(name === undefined ? {} : { name }),
      passwordHash: await hashPassword(newPassword),
    });
    const ctx = sessionContext(deps);
    await endAllSessions(ctx, user);
    const tokens = await startSession(ctx, user);
    return { user: presentUser(user), ...tokens };
  },
});

export const getPermissions = defineRoute({
  method: 'get',
  path: '/api/me/permissions',
  access: 'signed-in',
  summary: 'What the signed-in user may do: every policy action, allowed or not',
  description:
    'One answer per action of api/policies, asked without a record (`users.update` says whether the caller may ' +
    'update users at all; the rule about their own account applies when they try). The admin app shows its ' +
    'menus from this, so the server stays the one source of truth; the routes still check every request.',
  tags,
  responses: {
    200: { description: 'The role and its actions', schema: permissionsSchema },
    401: unauthorized,
  },
  handler: ({ actor }) => ({
    role: actor.role,
    actions: Object.fromEntries(actions.map((action) => [action, can(actor, action)])),
  }),
});

export const meRoutes = [getMe, updateMe, getPermissions];
