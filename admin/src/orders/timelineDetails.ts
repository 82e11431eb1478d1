import { formatMoney } from '../money/money';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** `trackingNumber` → "Tracking number". */
const label = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function show(key: string, value: unknown, currency: string): string {
  if (typeof value === 'number' && /amount$/i.test(key)) return formatMoney(value, currency);
  if (typeof value === 'string' && ISO_DATE.test(value)) return new Date(value).toLocaleString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

/**
 * An event's data as "Label: value" lines for people: amounts in minor units shown as money (in the event's
 * currency, else the order's), timestamps in local time, empty values left out. The order's currency itself is
 * not repeated.
 */
export function timelineDetails(data: Record<string, unknown> | null, orderCurrency: string): string[] {
  if (!data) return [];
  const currency = typeof data.currency === 'string' ? data.currency : orderCurrency;
  return Object.entries(data)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .filter(([key, value]) => !(key === 'currency' && value === orderCurrency))
    .map(([key, value]) => `${label(key)}: ${show(key, value, currency)}`);
}
