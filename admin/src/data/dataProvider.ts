import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import type { HttpClient } from '../http/httpClient';
import { customerFilterValue } from './customerFilter';
import type { AdjustmentReason, AdminOrder, ImageUploadSlot, ProductImage } from './types';

export interface ShipRequest {
  carrier: string;
  trackingNumber: string;
  /** https only. */
  trackingUrl?: string;
}

/** The amount in minor units, or `full: true` for everything captured and not yet refunded: one of the two. */
export type RefundRequest = ({ amount: number; full?: never } | { full: true; amount?: never }) & {
  reason?: string;
};

export interface StockAdjustment {
  delta: number;
  reason: AdjustmentReason;
  reference?: string;
}

/** The API's POST actions beyond react-admin's CRUD: api/routes/admin/{orders/actions,reviews,inventory}. */
export interface MarketActions {
  shipOrder(id: number, body: ShipRequest): Promise<{ data: AdminOrder }>;
  deliverOrder(id: number): Promise<{ data: AdminOrder }>;
  cancelOrder(id: number, body: { reason: string }): Promise<{ data: AdminOrder }>;
  /** `idempotencyKey` (8–128 of A–Z a–z 0–9 _ . : -): a repeat with the same key gets the first answer. */
  refundOrder(id: number, body: RefundRequest, idempotencyKey: string): Promise<{ data: AdminOrder }>;
  retryOrder(id: number): Promise<{ data: AdminOrder }>;
  adjustStock(productId: number, body: StockAdjustment): Promise<{ data: unknown }>;
  /** One review (idempotent); the API has no bulk route, since each recomputes its product's rating. */
  approveReview(id: number): Promise<{ data: unknown }>;
  rejectReview(id: number): Promise<{ data: unknown }>;
  productImages(productId: number): Promise<{ data: ProductImage[] }>;
  /** Step 1 of an image upload: where to PUT the file (api/routes/admin/product-images, docs/images.md). */
  requestImageUpload(productId: number, file: ImageFileInfo): Promise<{ data: ImageUploadSlot }>;
  /** Step 3: the API checks the stored file and records the image (its thumbnails follow a few seconds later). */
  confirmImageUpload(
    productId: number,
    body: { uploadId: string; alt?: string },
  ): Promise<{ data: ProductImage }>;
  deleteProductImage(productId: number, imageId: number): Promise<{ data: { id: number } }>;
  /** Every image id of the product, each once, first first; answers the images in their new order. */
  reorderProductImages(productId: number, imageIds: number[]): Promise<{ data: ProductImage[] }>;
  /** The invoice PDF (404 invoice_not_ready until it is generated). */
  orderInvoice(id: number): Promise<Blob>;
}

export interface ImageFileInfo {
  contentType: string;
  /** The exact size in bytes. */
  contentLength: number;
}

export type MarketDataProvider = DataProvider & MarketActions;

/** Drops the fields a form may leave undefined or empty, so `.strict()` bodies see only what was given. */
const compact = <T extends object>(body: T): Partial<T> =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

/**
 * ra-data-simple-rest over /api/admin (the API speaks its dialect: api/routes/admin/simple-rest.ts), plus the
 * actions. `apiUrl` is the origin ('' when the admin is served by the API itself).
 */
export function createDataProvider(http: HttpClient, apiUrl = ''): MarketDataProvider {
  const base = `${apiUrl}/api/admin`;
  const post = async <T>(path: string, body: object = {}, headers?: HeadersInit) => {
    const { json } = await http(`${base}${path}`, { method: 'POST', body: JSON.stringify(body), headers });
    return { data: json as T };
  };

  const rest = simpleRestProvider(base, http);

  return {
    ...rest,
    // The orders' `customer` filter is typed freely; the API takes only an id or a whole email (else a 422).
    getList: (resource, params) => {
      if (resource !== 'orders' || params.filter?.customer === undefined)
        return rest.getList(resource, params);
      const { customer, ...filter } = params.filter as { customer: unknown };
      const value = customerFilterValue(String(customer));
      return rest.getList(resource, {
        ...params,
        filter: value === undefined ? filter : { ...filter, customer: value },
      });
    },
    shipOrder: (id, body) => post<AdminOrder>(`/orders/${id}/ship`, compact(body)),
    deliverOrder: (id) => post<AdminOrder>(`/orders/${id}/deliver`),
    cancelOrder: (id, body) => post<AdminOrder>(`/orders/${id}/cancel`, body),
    refundOrder: (id, body, idempotencyKey) =>
      post<AdminOrder>(`/orders/${id}/refund`, compact(body), { 'Idempotency-Key': idempotencyKey }),
    retryOrder: (id) => post<AdminOrder>(`/orders/${id}/retry`),
    adjustStock: (productId, body) => post(`/inventory/${productId}/adjustments`, compact(body)),
    approveReview: (id) => post(`/reviews/${id}/approve`),
    rejectReview: (id) => post(`/reviews/${id}/reject`),
    productImages: async (productId) => {
      const { json } = await http(`${base}/products/${productId}/images`);
      return { data: json as ProductImage[] };
    },
    requestImageUpload: (productId, file) =>
      post<ImageUploadSlot>(`/products/${productId}/images/uploads`, file),
    confirmImageUpload: (productId, body) =>
      post<ProductImage>(`/products/${productId}/images`, compact(body)),
    deleteProductImage: async (productId, imageId) => {
      await http(`${base}/products/${productId}/images/${imageId}`, { method: 'DELETE' });
      return { data: { id: imageId } };
    },
    reorderProductImages: async (productId, imageIds) => {
      const { json } = await http(`${base}/products/${productId}/images/order`, {
        method: 'PUT',
        body: JSON.stringify({ imageIds }),
      });
      return { data: json as ProductImage[] };
    },
    orderInvoice: (id) => http.blob(`${base}/orders/${id}/invoice`),
  };
}
