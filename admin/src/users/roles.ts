/** USER_ROLES in db/models/user.ts. */
export const ROLES = ['customer', 'support', 'admin'] as const;
