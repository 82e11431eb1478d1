import { z } from 'zod';
import { orderSchema, paymentSchema } from '../../presenters/order';

export { addressSchema, checkoutBody } from '@market/schemas/address';

export const checkoutResultSchema = z.object({ order: orderSchema, payment: paymentSchema });

/** Clients choose it (a UUID is ideal): 8–128 characters of letters, digits and `-_.:`. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
