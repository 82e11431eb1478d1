/** The roles of `USER_ROLES` in db/models/user.ts. Only staff may use the back office. */
export type Role = 'customer' | 'support' | 'admin';

export const STAFF_ROLES: readonly Role[] = ['support', 'admin'];

export const isStaff = (role: Role): boolean => STAFF_ROLES.includes(role);

/** A user as the API presents it (api/presenters/user.ts). */
export interface ApiUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/auth/refresh` answers a pair; login answers the pair and the user (api/routes/auth/schema.ts). */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
}

export interface AuthSession extends TokenPair {
  user: ApiUser;
}
