import { z } from 'zod';
import { authSessionSchema, userSchema } from '../auth/schema';

export { updateMeBody } from '@market/schemas/account';

/** A name change returns the user; a password change also returns the tokens of the caller's new session. */
export const updateMeResult = z
  .union([authSessionSchema, z.object({ user: userSchema })])
  .meta({ id: 'UpdateMeResult' });
