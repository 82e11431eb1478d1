import type { AppDeps } from '../../deps';
import { CATALOG_TTL_SECONDS } from '../../services/catalog-cache';
import { LISTING_STOCK_MS, listRows } from './listing-rows';

/**
 * A database whose product reads wait until released, to order a slow read after a newer generation's: the
 * product rows answer with the prices as they were when the read was sent.
 */
function fakeDatabase() {
  const prices = new Map([
    [1, 100],
    [3, 300],
  ]);
  const onHand = new Map<number, number>();
  const stockReads: number[][] = [];
  const waiting: (() => void)[] = [];
  let holdReads = false;
  let productReads = 0;
  const row = (id: number, priceAmount: number) => ({
    id,
    slug: `p${id}`,
    title: `P${id}`,
    priceAmount,
    currency: 'EUR',
    ratingAverage: 0,
    ratingCount: 0,
    thumbnailKey: null,
    onHand: onHand.get(id) ?? 5,
    reserved: 0,
    lowStockThreshold: 1,
  });
  const all = (sql: string, bind: readonly unknown[]) => {
    const ids = JSON.parse(bind[0] as string) as number[];
    if (sql.includes('FROM inventory')) {
      stockReads.push(ids);
      const rows = ids.map((id) => [id, onHand.get(id) ?? 5, 0, 1]);
      return [{ rows: JSON.stringify(rows) }];
    }
    productReads += 1;
    const rows = ids.flatMap((id) => (prices.has(id) ? [row(id, prices.get(id)!)] : []));
    if (!holdReads) return rows;
    return new Promise((resolve) => waiting.push(() => resolve(rows)));
  };
  const db = { reader: { all } } as unknown as AppDeps['db'];
  return {
    deps: { db },
    prices,
    hold: (on: boolean) => (holdReads = on),
    /** Answers the oldest read still waiting (`last`: the newest). */
    release: (last = false) => (last ? waiting.pop() : waiting.shift())?.(),
    productReads: () => productReads,
    onHand,
    /** The ids of each stock read since the last call. */
    stockReads: () => stockReads.splice(0),
  };
}

const priceOf = async (deps: Pick<AppDeps, 'db'>, generation: string) =>
  (await listRows(deps, [1], generation))[0]!.priceAmount;

afterEach(() => jest.restoreAllMocks());

test('a read begun under an older generation does not feed the newer one', async () => {
  const fake = fakeDatabase();
  fake.hold(true);
  const old = listRows(fake.deps, [1], 'g1'); // sent at price 100, answers late
  fake.prices.set(1, 200); // the edit commits, the generation moves
  const current = listRows(fake.deps, [1], 'g2');
  // The newer read answers first, then the older one.
  fake.release(true);
  expect((await current)[0]!.priceAmount).toBe(200);
  fake.release();
  expect((await old)[0]!.priceAmount).toBe(100);
  fake.hold(false);
  // g2's row is the one g2 read, not the late g1 answer.
  expect(await priceOf(fake.deps, 'g2')).toBe(200);
  expect(fake.productReads()).toBe(2);
});

test('rows are read again after the cache TTL, even within one generation', async () => {
  const fake = fakeDatabase();
  const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
  expect(await priceOf(fake.deps, 'g')).toBe(100);
  fake.prices.set(1, 150);
  now.mockReturnValue(1_000_000 + CATALOG_TTL_SECONDS * 1000 - 1);
  expect(await priceOf(fake.deps, 'g')).toBe(100);
  now.mockReturnValue(1_000_000 + CATALOG_TTL_SECONDS * 1000);
  expect(await priceOf(fake.deps, 'g')).toBe(150);
  expect(fake.productReads()).toBe(2);
});

test('a product that is not active is remembered as such', async () => {
  const fake = fakeDatabase();
  expect(await listRows(fake.deps, [1, 2], 'g')).toHaveLength(1);
  expect(await listRows(fake.deps, [2, 1], 'g')).toHaveLength(1);
  expect(fake.productReads()).toBe(1);
});

test('a stock older than LISTING_STOCK_MS is read again, for those products alone', async () => {
  const fake = fakeDatabase();
  const now = jest.spyOn(Date, 'now').mockReturnValue(5_000_000);
  const onHandOf = async (ids: number[]) =>
    (await listRows(fake.deps, ids, 'g')).map((row) => row.inventory?.onHand);
  expect(await onHandOf([1])).toEqual([5]); // rows and stock in one read
  fake.onHand.set(1, 2);
  fake.onHand.set(3, 7);
  now.mockReturnValue(5_000_000 + LISTING_STOCK_MS - 1);
  expect(await onHandOf([3])).toEqual([7]); // product 3's row and stock read now
  expect(await onHandOf([1, 3])).toEqual([5, 7]);
  expect(fake.stockReads()).toEqual([]);
  now.mockReturnValue(5_000_000 + LISTING_STOCK_MS);
  expect(await onHandOf([1, 3])).toEqual([2, 7]);
  expect(fake.stockReads()).toEqual([[1]]);
  expect(fake.productReads()).toBe(2);
});
