import type { User } from '@market/db';
import { type Actor, isAdmin } from './actor';

/** Managing users is for admins only; support staff see orders, not accounts. */
export const userPolicy = {
  'users.list': (actor: Actor) => isAdmin(actor),
  'users.read': (actor: Actor) => isAdmin(actor),
  // An admin may not demote or disable themself: the shop must never lose its last way in by accident.
  'users.update': (actor: Actor, target?: User) => isAdmin(actor) && (!target || target.id !== actor.id),
};
