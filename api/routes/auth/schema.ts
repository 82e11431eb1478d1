import { z } from 'zod';
import { USER_ROLES } from '@market/db';

export { emailSchema, loginBody, nameSchema, newPasswordSchema, registerBody } from '@market/schemas/account';

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
