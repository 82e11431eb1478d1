import { type Actor, isAdmin } from './actor';

/** Rebuilding the search index is an operation on the whole catalog: admins only. */
export const searchPolicy = {
  'search.reindex': (actor: Actor) => isAdmin(actor),
};
