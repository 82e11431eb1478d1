import { describe, expect, test } from 'vitest';
import { moderationNotice } from './moderation';

describe('moderationNotice', () => {
  test('all went through', () => {
    expect(moderationNotice('approve', { succeeded: [1, 2, 3], failed: [] })).toEqual({
      message: '3 reviews approved',
      type: 'success',
    });
    expect(moderationNotice('reject', { succeeded: [1], failed: [] }).message).toBe('1 review rejected');
  });

  test('some failed: both counts and the first reason', () => {
    const outcome = {
      succeeded: [1, 3],
      failed: [{ id: 2, error: new Error('There is no review with this id.') }],
    };
    expect(moderationNotice('approve', outcome)).toEqual({
      message: '2 reviews approved; 1 failed (still selected): There is no review with this id.',
      type: 'warning',
    });
  });

  test('all failed', () => {
    const outcome = {
      succeeded: [],
      failed: [
        { id: 1, error: new Error('Offline') },
        { id: 2, error: 'x' },
      ],
    };
    expect(moderationNotice('reject', outcome)).toEqual({
      message: 'No review rejected; 2 failed: Offline',
      type: 'error',
    });
  });
});
