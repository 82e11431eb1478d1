import { Op } from 'sequelize';
import {
  addIndex,
  binaryString,
  boolean,
  createTable,
  currency,
  dropTables,
  id,
  integer,
  type MigrationParams,
  references,
  timestamps,
} from './helpers';

/** Carts (one per user, or per guest token) and their lines; saved-for-later is a flag on the line. */
export async function up({ context: qi }: MigrationParams): Promise<void> {
  await createTable(
    qi,
    'carts',
    {
      id: id(),
      user_id: { ...references('users', 'CASCADE', true), unique: true },
      guest_token: { ...binaryString(64, true), unique: true },
      currency: currency(),
      ...timestamps(),
    },
    [
      {
        name: 'carts_owner_present',
        where: { [Op.or]: [{ user_id: { [Op.ne]: null } }, { guest_token: { [Op.ne]: null } }] },
      },
    ],
  );

  await createTable(
    qi,
    'cart_items',
    {
      id: id(),
      cart_id: references('carts', 'CASCADE'),
      product_id: references('products', 'CASCADE'),
      quantity: integer(),
      saved_for_later: boolean(false),
      ...timestamps(),
    },
    [{ name: 'cart_items_quantity_positive', where: { quantity: { [Op.gt]: 0 } } }],
  );
  await addIndex(qi, 'cart_items', ['cart_id', 'product_id', 'saved_for_later'], { unique: true });
  await addIndex(qi, 'cart_items', ['product_id']);
}

export async function down({ context: qi }: MigrationParams): Promise<void> {
  await dropTables(qi, ['cart_items', 'carts']);
}
