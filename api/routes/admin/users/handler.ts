import { z } from 'zod';
import { Op, type WhereOptions } from 'sequelize';
import type { User } from '@market/db';
import { sessionContext } from '../../../auth/context';
import { endAllSessions } from '../../../auth/sessions';
import type { AppDeps } from '../../../deps';
import { NotFoundError, ValidationError } from '../../../errors';
import { defineRoute } from '../../../openapi/route';
import { authorize } from '../../../policies';
import { presentUser } from '../../../presenters/user';
import { matchesText } from '../search';
import { contentRangeHeader, idParams, idsOf, orderOf, pageOf, setContentRange } from '../simple-rest';
import { adminUserSchema, listUsersQuery, updateUserBody } from './schema';

const tags = ['Admin: users'];

type ListFilter = NonNullable<z.output<typeof listUsersQuery>['filter']>;

function usersWhere(deps: AppDeps, filter: ListFilter = {}): WhereOptions {
  const ids = idsOf(filter.id);
  return {
    [Op.and]: [
      ...(filter.q ? [matchesText(deps.db.sequelize, ['email', 'name'], filter.q)] : []),
      ...(filter.role ? [{ role: filter.role }] : []),
      ...(filter.disabled !== undefined ? [{ disabled: filter.disabled }] : []),
      ...(ids ? [{ id: { [Op.in]: ids } }] : []),
    ],
  };
}

export const listUsers = defineRoute({
  method: 'get',
  access: 'users.list',
  path: '/api/admin/users',
  summary: 'Users, filtered, sorted and paged (react-admin getList / getMany)',
  tags,
  request: { query: listUsersQuery },
  responses: {
    200: {
      description: 'One page of users',
      schema: z.array(adminUserSchema),
      headers: contentRangeHeader('users'),
    },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin' },
    422: { description: 'A sort, range or filter that is not valid JSON or not allowed' },
  },
  handler: async ({ input, deps, res }) => {
    const { sort, range, filter } = input.query;
    const { offset, limit } = pageOf(range);
    const { rows, count } = await deps.db.models.User.findAndCountAll({
      where: usersWhere(deps, filter),
      order: orderOf(sort),
      offset,
      limit,
    });
    setContentRange(res, 'users', { offset, count: rows.length, total: count });
    return rows.map(presentUser);
  },
});

async function findUser(deps: AppDeps, id: number): Promise<User> {
  const user = await deps.db.models.User.findByPk(id);
  if (!user) throw new NotFoundError('There is no user with this id.');
  return user;
}

export const getUser = defineRoute({
  method: 'get',
  access: 'users.read',
  path: '/api/admin/users/:id',
  summary: 'One user (react-admin getOne)',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The user', schema: adminUserSchema },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin' },
    404: { description: 'No such user' },
  },
  handler: async ({ input, deps }) => presentUser(await findUser(deps, input.params.id)),
});

type UpdateBody = z.output<typeof updateUserBody>;

/** The fields react-admin echoes back that must still match the record (see updateUserBody). */
function checkEchoedFields(user: User, body: UpdateBody): void {
  const errors = [];
  if (body.id !== undefined && body.id !== user.id) {
    errors.push({ path: 'body.id', code: 'id_mismatch', message: 'Must be the id in the path' });
  }
  if (body.email !== undefined && body.email.trim().toLowerCase() !== user.email) {
    errors.push({ path: 'body.email', code: 'read_only', message: 'The email cannot be changed here' });
  }
  if (errors.length) throw new ValidationError(errors);
}

export const updateUser = defineRoute({
  method: 'put',
  access: 'users.update',
  path: '/api/admin/users/:id',
  summary: 'Change a user’s name, role or disabled flag (react-admin update / updateMany)',
  description:
    'Accepts the whole record react-admin sends: id and email must be unchanged, timestamps and hasPassword are ' +
    'ignored. Changing the role or disabling the user ends all of their sessions at once. An admin may not ' +
    'change their own account here.',
  tags,
  request: { params: idParams, body: updateUserBody },
  responses: {
    200: { description: 'The updated user', schema: adminUserSchema },
    401: { description: 'Not signed in' },
    403: { description: 'Not an admin, or the admin’s own account' },
    404: { description: 'No such user' },
    422: { description: 'Unknown or read-only fields, or invalid values' },
  },
  handler: async ({ input, deps, actor }) => {
    const user = await findUser(deps, input.params.id);
    authorize(actor, 'users.update', user);
    const { name, role, disabled } = input.body;
    checkEchoedFields(user, input.body);
    // Ending sessions on a role change is defence in depth: each request loads the role afresh anyway, but a
    // demoted admin should have to sign in again rather than keep a session that was opened as an admin.
    const endSessions = (role !== undefined && role !== user.role) || (disabled === true && !user.disabled);
    const changes = Object.fromEntries(
      Object.entries({ name, role, disabled }).filter(([, value]) => value !== undefined),
    );
    await user.update(changes);
    if (endSessions) await endAllSessions(sessionContext(deps), user);
    return presentUser(user);
  },
});

export const adminUserRoutes = [listUsers, getUser, updateUser];
