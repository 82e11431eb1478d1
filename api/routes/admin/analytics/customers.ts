import type { z } from 'zod';
import type { Database } from '@market/db';
import type { DayRange } from './range';
import { divideRounded } from './sales';
import type { customersSchema } from './schema';
import { select, toInt } from './sql';

type Customers = z.output<typeof customersSchema>;

async function count(db: Database, sql: string, range: DayRange): Promise<number> {
  const [row] = await select<{ n: unknown }>(db, sql, { start: range.start, end: range.end });
  return toInt(row?.n);
}

/**
 * A cart converts when its owner placed an order at or after the cart's creation and before the range's end: the
 * account's orders (`user_id`) for an account's cart, the orders placed with the guest's cart token
 * (`orders.guest_token_hash` = `carts.guest_token`, both its SHA-256) for a guest's. Two EXISTS rather than one OR
 * so each can use its index (orders(user_id, created_at), orders(guest_token_hash)).
 */
const CONVERTED_CARTS = `
  SELECT COUNT(*) AS n FROM carts c
   WHERE c.created_at >= :start AND c.created_at < :end
     AND (EXISTS (SELECT 1 FROM orders o
                   WHERE c.user_id IS NOT NULL AND o.user_id = c.user_id
                     AND o.created_at >= c.created_at AND o.created_at < :end)
          OR EXISTS (SELECT 1 FROM orders o
                      WHERE c.guest_token IS NOT NULL AND o.guest_token_hash = c.guest_token
                        AND o.created_at >= c.created_at AND o.created_at < :end))`;

export async function customersReport(db: Database, range: DayRange): Promise<Customers> {
  const [newCustomers, cartsCreated, cartsConverted, ordersPlaced] = await Promise.all([
    count(
      db,
      `SELECT COUNT(*) AS n FROM users
        WHERE role = 'customer' AND created_at >= :start AND created_at < :end`,
      range,
    ),
    count(db, 'SELECT COUNT(*) AS n FROM carts WHERE created_at >= :start AND created_at < :end', range),
    count(db, CONVERTED_CARTS, range),
    count(db, 'SELECT COUNT(*) AS n FROM orders WHERE created_at >= :start AND created_at < :end', range),
  ]);
  return {
    from: range.from,
    to: range.to,
    newCustomers,
    cartsCreated,
    cartsConverted,
    ordersPlaced,
    conversionRateBps: divideRounded(cartsConverted * 10_000, cartsCreated),
  };
}
