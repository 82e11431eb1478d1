import { type Actor, isStaff } from './actor';

/**
 * Orders are support's daily work as much as an admin's: both read any order and act on it (ship, deliver, cancel,
 * refund, retry a stuck step). Every action still goes through the order's workflow, which refuses what the order's
 * state does not allow, so the policy only says who may ask.
 */
export const orderPolicy = {
  'orders.read': (actor: Actor) => isStaff(actor),
  'orders.manage': (actor: Actor) => isStaff(actor),
};
