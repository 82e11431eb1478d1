import type { UserRole } from '@market/db';

/** Who is calling: set on `req.user` by the authenticate middleware. */
export interface Actor {
  id: number;
  role: UserRole;
  email: string;
  /** The session (refresh-token family) the access token belongs to. */
  sessionId: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // passport types req.user as Express.User; ours is an Actor.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends Actor {}
  }
}

export const isAdmin = (actor: Actor): boolean => actor.role === 'admin';
export const isStaff = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'support';
