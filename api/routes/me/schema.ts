import { z } from 'zod';
import { USER_ROLES } from '@market/db';
import { actions } from '../../policies';
import { authSessionSchema, userSchema } from '../auth/schema';

export { updateMeBody } from '@market/schemas/account';

/** A name change returns the user; a password change also returns the tokens of the caller's new session. */
export const updateMeResult = z
  .union([authSessionSchema, z.object({ user: userSchema })])
  .meta({ id: 'UpdateMeResult' });

/** What the caller may do, action by action, as the policies answer without a particular record. */
export const permissionsSchema = z
  .object({
    role: z.enum(USER_ROLES),
    actions: z
      .record(z.enum(actions as [string, ...string[]]), z.boolean())
      .meta({ description: 'Every policy action (`orders.read`, `analytics.sales`, …): may the caller?' }),
  })
  .meta({ id: 'Permissions' });
