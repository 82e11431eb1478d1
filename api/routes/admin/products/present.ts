import type { z } from 'zod';
import type { Product } from '@market/db';
import type { adminProductSchema } from './schema';

/**
 * A product as the admin sees it: its fields, tag ids (react-admin's ReferenceArrayInput), stock, and its first
 * image's small thumbnail (so a list page needs no request per row).
 */
export function presentAdminProduct(
  product: Product,
  tagIds: number[],
  thumbnail: string | null,
): z.output<typeof adminProductSchema> {
  const onHand = product.inventory?.onHand ?? 0;
  const reserved = product.inventory?.reserved ?? 0;
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    // BIGINT may come back as a string from MariaDB; the schema keeps it within the safe-integer range.
    priceAmount: Number(product.priceAmount),
    currency: product.currency,
    status: product.status,
    categoryId: product.categoryId ?? null,
    tagIds,
    ratingAverage: product.ratingAverage,
    ratingCount: product.ratingCount,
    onHand,
    reserved,
    available: onHand - reserved,
    lowStockThreshold: product.inventory?.lowStockThreshold ?? 0,
    thumbnail,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
