import { ForbiddenError } from '../errors';
import type { Actor } from './actor';
import { analyticsPolicy } from './analytics';
import { catalogPolicy } from './catalog';
import { orderPolicy } from './orders';
import { searchPolicy } from './search';
import { userPolicy } from './users';

export type { Actor } from './actor';

/**
 * Every action an actor may be allowed, and who is. One module consulted by every route: a route declares the
 * action it needs (`access`), and handlers call authorize() again with the record when the answer depends on it.
 */
const policies = {
  ...userPolicy,
  ...catalogPolicy,
  ...orderPolicy,
  ...searchPolicy,
  ...analyticsPolicy,
} satisfies Record<string, (actor: Actor, record?: never) => boolean>;

export type Action = keyof typeof policies;
type RecordOf<A extends Action> = Parameters<(typeof policies)[A]>[1];

export const actions = Object.keys(policies) as Action[];

export function can<A extends Action>(actor: Actor, action: A, record?: RecordOf<A>): boolean {
  const rule = policies[action] as (actor: Actor, record?: RecordOf<A>) => boolean;
  return rule(actor, record);
}

/** `users.update` → "You may not update users." */
export function forbidden(action: Action): ForbiddenError {
  const [resource, verb] = action.split('.');
  return new ForbiddenError(`You may not ${verb} ${resource}.`);
}

export function authorize<A extends Action>(actor: Actor, action: A, record?: RecordOf<A>): void {
  if (!can(actor, action, record)) throw forbidden(action);
}
