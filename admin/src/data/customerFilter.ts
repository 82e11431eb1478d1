/**
 * The list's `customer` filter accepts a user id or a whole email (api/routes/admin/orders/schema.ts); anything
 * else is a 422. While someone is still typing an email, send no filter rather than an error.
 */
export function customerFilterValue(text: string): string | undefined {
  const value = text.trim();
  if (/^\d{1,15}$/.test(value)) return value;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 255) return value;
  return undefined;
}
