import { describe, expect, test } from 'vitest';
import { ORDER_STATUSES } from '../data/types';
import { filterForTab, STATUS_TABS, tabOf } from './statusTabs';

const tab = (id: string) => STATUS_TABS.find((t) => t.id === id)!;

describe('order status tabs', () => {
  test('no status filter is "All"; a tab’s statuses in any order are that tab', () => {
    expect(tabOf(undefined)).toBe('all');
    expect(tabOf([])).toBe('all');
    expect(tabOf(['processing', 'paid'])).toBe('to_ship');
    expect(tabOf('shipped')).toBe('shipped');
    expect(tabOf(['failed', 'cancelled', 'refunded'])).toBe('closed');
  });

  test('a status set no tab has selects none', () => {
    expect(tabOf(['paid'])).toBe(false);
    expect(tabOf(['paid', 'shipped'])).toBe(false);
  });

  test('choosing a tab replaces the status filter and keeps the others', () => {
    const filter = { q: 'M-1', status: ['failed'], from: '2026-01-01' };
    expect(filterForTab(filter, tab('to_ship'))).toEqual({
      q: 'M-1',
      from: '2026-01-01',
      status: ['paid', 'processing'],
    });
    expect(filterForTab(filter, tab('all'))).toEqual({ q: 'M-1', from: '2026-01-01' });
  });

  test('every status belongs to exactly one tab besides "All"', () => {
    const seen = STATUS_TABS.flatMap((t) => t.statuses ?? []);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
  });
});
