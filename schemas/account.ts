import { z } from 'zod';
import { personText } from './address';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** Trimmed and lower-cased before it is checked, so `  Ada@Example.COM ` and `ada@example.com` are one account. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(255)
  .check(z.email())
  .meta({ description: 'Any case; stored lower-case', example: 'ada@example.com' });

/** A password being chosen. The rules a schema cannot express (not the email, not common) are the API's. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .meta({
    description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters; not your email address, not a common password`,
  });

export const nameSchema = personText(200).min(1);

export const registerBody = z
  .object({ email: emailSchema, password: newPasswordSchema, name: nameSchema })
  .strict();

export const loginBody = z
  .object({
    email: emailSchema,
    // No minimum beyond 1: a short password is simply wrong. The maximum bounds the hashing work.
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .strict();

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
