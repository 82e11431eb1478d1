import { z } from 'zod';
import { authSessionSchema, nameSchema, newPasswordSchema, userSchema } from '../auth/schema';

export const updateMeBody = z
  .object({
    name: nameSchema.optional(),
    currentPassword: z
      .string()
      .max(256)
      .optional()
      .meta({ description: 'Required with newPassword: proves the caller knows the password' }),
    newPassword: newPasswordSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.name === undefined && body.newPassword === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'Nothing to change: give name or newPassword' });
    }
    if (body.newPassword !== undefined && body.currentPassword === undefined) {
      ctx.addIssue({ code: 'custom', path: ['currentPassword'], message: 'Required to change the password' });
    }
    if (body.currentPassword !== undefined && body.newPassword === undefined) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'Required with currentPassword' });
    }
  });

/** A name change returns the user; a password change also returns the tokens of the caller's new session. */
export const updateMeResult = z
  .union([authSessionSchema, z.object({ user: userSchema })])
  .meta({ id: 'UpdateMeResult' });
