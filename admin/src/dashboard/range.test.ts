import { describe, expect, it } from 'vitest';
import { lastDays } from './range';

describe('lastDays', () => {
  it('ends today (UTC) and counts today as one of the days', () => {
    const now = new Date('2026-03-31T23:30:00Z');
    expect(lastDays(1, now)).toEqual({ from: '2026-03-31', to: '2026-03-31' });
    expect(lastDays(7, now)).toEqual({ from: '2026-03-25', to: '2026-03-31' });
    expect(lastDays(30, now)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  });
});
