import { getJson } from '~/lib/api.server';
import { downloadFromApi } from '~/lib/download.server';
import { ApiError } from '~/lib/problem';
import type { Order } from '~/lib/types';
import type { Route } from './+types/order-invoice';

const text = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/** The order's invoice PDF, fetched as this shopper (the API needs a header a plain link cannot send). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const id = params.id;
  if (!/^\d{1,15}$/.test(id)) return text(404, 'There is no such order.');
  let order: Order;
  try {
    // Reading the order first refreshes an expired session and tells whether the invoice exists yet.
    order = await getJson<Order>(context, `/api/orders/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return text(404, 'There is no such order.');
    return text(503, 'The shop could not answer just now. Please try again.');
  }
  if (!order.invoice)
    return text(404, 'The invoice for this order is not ready yet. Please try again in a minute.');
  const answer = await downloadFromApi(context, `/api/orders/${id}/invoice`);
  if (answer.status !== 200) {
    return text(
      answer.status === 404 ? 404 : 503,
      'The invoice could not be downloaded just now. Please try again.',
    );
  }
  const disposition = answer.headers['content-disposition'];
  return new Response(new Uint8Array(answer.bytes), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(answer.bytes.length),
      'Content-Disposition':
        typeof disposition === 'string' ? disposition : `attachment; filename="${order.invoice.number}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
