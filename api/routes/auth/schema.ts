import { z } from 'zod';
import { USER_ROLES } from '@market/db';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords';

/** Trimmed and lower-cased before it is checked, so `  Ada@Example.COM ` and `ada@example.com` are one account. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(255)
  .check(z.email())
  .meta({ description: 'Any case; stored lower-case', example: 'ada@example.com' });

/** A password being chosen. The rules the schema cannot express are checked by passwordProblems(). */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .meta({
    description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters; not your email address, not a common password`,
  });

export const nameSchema = z.string().trim().min(1).max(200);

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

export const refreshBody = z
  .object({ refreshToken: z.string().min(1).max(512).meta({ description: 'The latest refresh token' }) })
  .strict();

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    disabled: z.boolean(),
    hasPassword: z.boolean().meta({ description: 'False for accounts that only sign in with Google' }),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });

export const tokenPairSchema = z
  .object({
    accessToken: z.string().meta({ description: 'JWT (HS256); send as `Authorization: Bearer <token>`' }),
    refreshToken: z.string().meta({ description: 'Opaque; single use: each refresh returns a new one' }),
    expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires' }),
    tokenType: z.literal('Bearer'),
  })
  .meta({ id: 'TokenPair' });

/** What register, login (and a password change) return: the user and the tokens of a new session. */
export const authSessionSchema = z
  .object({ user: userSchema, ...tokenPairSchema.shape })
  .meta({ id: 'AuthSession' });
