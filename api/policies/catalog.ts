import { type Actor, isAdmin } from './actor';

/**
 * Running the catalog is for admins only: products, categories, tags, review moderation, stock. Support staff help
 * with orders, not with what the shop sells or what it has on the shelf. Every action sits under `catalog.` or
 * `inventory.` so the policy matrix's "support may not manage the catalog" suite covers each of them.
 */
export const catalogPolicy = {
  'catalog.read': (actor: Actor) => isAdmin(actor),
  'catalog.write': (actor: Actor) => isAdmin(actor),
  /** Approving or rejecting reviews (it moves the products' rating aggregates). */
  'catalog.moderate': (actor: Actor) => isAdmin(actor),
  'inventory.read': (actor: Actor) => isAdmin(actor),
  /** Stock adjustments and thresholds; every change leaves a stock-movement row naming the admin. */
  'inventory.adjust': (actor: Actor) => isAdmin(actor),
};
