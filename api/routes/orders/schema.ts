import { z } from 'zod';
import { orderSchema, orderSummarySchema, paymentSchema } from '../../presenters/order';
import { idSchema } from '../admin/simple-rest';

export const orderIdParams = z.object({ id: idSchema }).strict();

const pageNumber = (fallback: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'A positive integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .default(fallback);

export const listOrdersQuery = z
  .object({ page: pageNumber(1, 100_000), pageSize: pageNumber(20, 100) })
  .strict();

export const orderListSchema = z.object({
  items: z.array(orderSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const payBody = z
  .object({
    paymentMethodId: z
      .string()
      .regex(/^pm_[A-Za-z0-9_]{1,120}$/, 'A PaymentMethod id such as pm_card_visa')
      .meta({
        description: 'From Stripe.js, or a Stripe test id (pm_card_visa) on the built-in test payments',
      }),
  })
  .strict();

export const payResultSchema = z.object({
  order: orderSchema,
  payment: paymentSchema,
  /** When the payment needs 3-D Secure on the built-in test provider: where to finish it. */
  nextAction: z.object({ type: z.literal('test_authentication'), url: z.string() }).nullable(),
});

export const testAuthenticationParams = z
  .object({ paymentId: z.string().regex(/^tpi_[A-Za-z0-9]{1,64}$/) })
  .strict();

export const testAuthenticationBody = z
  .object({ clientSecret: z.string().min(1).max(255), succeed: z.boolean() })
  .strict();
