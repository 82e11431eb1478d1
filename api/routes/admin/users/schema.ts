import { z } from 'zod';
import { USER_ROLES } from '@market/db';
import { idSchema, listQuerySchema } from '../simple-rest';

export const USER_SORT_FIELDS = ['id', 'email', 'name', 'role', 'createdAt', 'lastLoginAt'] as const;

/** `GET /api/admin/users`: ra-data-simple-rest's sort, range and filter. */
export const listUsersQuery = listQuerySchema({
  name: 'users',
  sortFields: USER_SORT_FIELDS,
  filters: {
    q: z.string().trim().max(200).optional().meta({ description: 'Part of the email or name, any case' }),
    role: z.enum(USER_ROLES).optional(),
    disabled: z.boolean().optional(),
  },
});

/**
 * `PUT /api/admin/users/:id`. react-admin's update sends the whole record it showed (JSON.stringify(params.data)),
 * updateMany only the changed fields; both must work. So the body lists every field of an AdminUser:
 * - writable: name, role, disabled;
 * - must match the record if present: id and email (email is the sign-in name; changing it is not this route's
 *   business, so a different one is a 422 rather than silently ignored);
 * - ignored, because the server owns them: hasPassword, lastLoginAt, createdAt, updatedAt.
 * Anything else (passwordHash, sessionEpoch, a typo) is a 422 like on every other route.
 */
export const updateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(USER_ROLES).optional(),
    disabled: z.boolean().optional(),
    id: idSchema.optional().meta({ description: 'Must be the id in the path' }),
    email: z.string().max(255).optional().meta({ description: 'Read-only: must be the current email' }),
    hasPassword: z.boolean().optional().meta({ description: 'Read-only, ignored' }),
    lastLoginAt: z.string().nullable().optional().meta({ description: 'Read-only, ignored' }),
    createdAt: z.string().optional().meta({ description: 'Read-only, ignored' }),
    updatedAt: z.string().optional().meta({ description: 'Read-only, ignored' }),
  })
  .strict();

export const adminUserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminUser' });
