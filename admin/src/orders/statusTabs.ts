import type { OrderStatus } from '../data/types';

export interface StatusTab {
  id: string;
  label: string;
  /** The statuses the tab filters on; null for every order. */
  statuses: OrderStatus[] | null;
}

/** The order list's tabs, in the order work flows: what needs doing first. */
export const STATUS_TABS: StatusTab[] = [
  { id: 'to_ship', label: 'To ship', statuses: ['paid', 'processing'] },
  { id: 'awaiting_payment', label: 'Awaiting payment', statuses: ['pending', 'awaiting_payment'] },
  { id: 'shipped', label: 'Shipped', statuses: ['shipped'] },
  { id: 'delivered', label: 'Delivered', statuses: ['delivered'] },
  { id: 'closed', label: 'Cancelled, refunded, failed', statuses: ['cancelled', 'refunded', 'failed'] },
  { id: 'all', label: 'All', statuses: null },
];

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

/** The tab a status filter matches: "All" without one, none (false) for a set no tab has. */
export function tabOf(status: unknown): StatusTab['id'] | false {
  if (status === undefined || status === null || (Array.isArray(status) && status.length === 0)) return 'all';
  const values = Array.isArray(status) ? (status as string[]) : [String(status)];
  return STATUS_TABS.find((tab) => tab.statuses && sameSet(tab.statuses, values))?.id ?? false;
}

/** The list's filter with the tab's statuses in place of any status filter. */
export function filterForTab(filter: Record<string, unknown>, tab: StatusTab): Record<string, unknown> {
  const { status: _status, ...rest } = filter;
  return tab.statuses ? { ...rest, status: tab.statuses } : rest;
}
