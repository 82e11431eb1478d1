import type { Response } from 'express';
import { attachmentDisposition } from '@market/adapters/storage/disposition';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { NotFoundError } from '../../errors';
import { defineRoute } from '../../openapi/route';
import { findOwnOrder } from './access';
import { orderIdParams } from './schema';

const pdfResponse = {
  description: 'The invoice PDF, as an attachment named after the invoice number',
  contentType: 'application/pdf',
  schema: z.string().describe('PDF bytes'),
};
const notReady = {
  description: 'invoice_not_ready: the invoice is generated shortly after payment; not_found: no such order',
};

/**
 * Sends the order's stored invoice. The PDF goes through the API rather than a presigned URL so that the same
 * access check as the order itself guards it, and guests (who have a Cart-Token, not a session) can download it.
 */
async function sendInvoice(deps: AppDeps, res: Response, orderId: number): Promise<void> {
  const invoice = await deps.db.models.Invoice.findOne({ where: { orderId } });
  // The row exists before its PDF is stored: until storage_key is set, the invoice is not ready.
  const object = invoice?.number && invoice.storageKey ? await deps.storage.get(invoice.storageKey) : null;
  if (!invoice?.number || !object) {
    throw new NotFoundError('The invoice for this order is not ready yet.', 'invoice_not_ready');
  }
  res
    .status(200)
    .set({
      'Content-Type': 'application/pdf',
      'Content-Length': String(object.body.length),
      'Content-Disposition': attachmentDisposition(`${invoice.number}.pdf`),
      // Personal data: no shared cache may keep it.
      'Cache-Control': 'private, no-store',
    })
    .end(object.body);
}

export const getOrderInvoice = defineRoute({
  method: 'get',
  access: 'guest-or-user',
  path: '/api/orders/:id/invoice',
  summary: 'Download the invoice of one of my orders (PDF)',
  description:
    'Signed-in customers download their orders’ invoices; guests those of the orders placed with their ' +
    '`Cart-Token`. Anyone else’s order is a 404.',
  tags: ['Orders'],
  request: { params: orderIdParams },
  responses: {
    200: pdfResponse,
    401: { description: 'A bearer token was sent but is not valid' },
    404: notReady,
  },
  handler: async ({ input, deps, actor, req, res }) => {
    const order = await findOwnOrder(deps, req, actor, input.params.id);
    await sendInvoice(deps, res, order.id);
  },
});

export const getAdminOrderInvoice = defineRoute({
  method: 'get',
  access: 'orders.read',
  path: '/api/admin/orders/:id/invoice',
  summary: 'Download any order’s invoice (PDF)',
  tags: ['Admin: orders'],
  request: { params: orderIdParams },
  responses: {
    200: pdfResponse,
    401: { description: 'Not signed in' },
    403: { description: 'Not allowed to read orders' },
    404: notReady,
  },
  handler: async ({ input, deps, res }) => {
    const order = await deps.db.models.Order.findByPk(input.params.id, { attributes: ['id'] });
    if (!order) throw new NotFoundError('There is no such order.');
    await sendInvoice(deps, res, order.id);
  },
});

/** Both invoice downloads; api/routes/index.ts lists them with the other routes. */
export const invoiceRoutes = [getOrderInvoice, getAdminOrderInvoice];
