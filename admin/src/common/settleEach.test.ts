import { describe, expect, test } from 'vitest';
import { settleEach } from './settleEach';

describe('settleEach', () => {
  test('runs every id and sorts them into succeeded and failed, in the order given', async () => {
    const outcome = await settleEach([1, 2, 3, 4, 5], async (id) => {
      if (id % 2 === 0) throw new Error(`no ${id}`);
    });
    expect(outcome.succeeded).toEqual([1, 3, 5]);
    expect(outcome.failed.map((f) => [f.id, (f.error as Error).message])).toEqual([
      [2, 'no 2'],
      [4, 'no 4'],
    ]);
  });

  test('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const outcome = await settleEach(
      Array.from({ length: 10 }, (_, i) => i),
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
      },
      3,
    );
    expect(most).toBe(3);
    expect(outcome.succeeded).toHaveLength(10);
  });

  test('nothing selected, nothing sent', async () => {
    await expect(settleEach([], async () => undefined)).resolves.toEqual({ succeeded: [], failed: [] });
  });
});
