import type { User } from '@market/db';

export interface PresentedUser {
  id: number;
  email: string;
  name: string;
  role: User['role'];
  disabled: boolean;
  hasPassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A user as the API shows it. Never the password hash, never the session epoch. */
export function presentUser(user: User): PresentedUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    hasPassword: user.passwordHash !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
