import { StockGate } from './stock-gate';

/** A shelf the fake reader reads: units available per product, and how many reads were made. */
function shelf(initial: Record<number, number>) {
  const available = new Map(Object.entries(initial).map(([id, units]) => [Number(id), units]));
  const state = { reads: 0 };
  const read = async (ids: number[]) => {
    state.reads += 1;
    await new Promise((resolve) => setImmediate(resolve));
    return new Map(ids.flatMap((id) => (available.has(id) ? [[id, available.get(id)!] as const] : [])));
  };
  return { available, state, read };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

test('admits at once while stock covers the units in flight, without reading again', async () => {
  const { state, read } = shelf({ 1: 5 });
  const gate = new StockGate(read, 1_000);
  const first = await gate.admit([{ productId: 1, quantity: 2 }], new Map([[1, 5]]));
  const second = await gate.admit([{ productId: 1, quantity: 3 }], new Map([[1, 5]]));
  expect(first.admitted && second.admitted).toBe(true);
  expect(gate.unitsInFlight(1)).toBe(5);
  expect(state.reads).toBe(0);
});

test('refuses at once, naming the products, when stock is short and nothing is in flight', async () => {
  const { read } = shelf({ 1: 5, 2: 1 });
  const gate = new StockGate(read, 1_000);
  const admission = await gate.admit([
    { productId: 1, quantity: 1 },
    { productId: 2, quantity: 2 },
    { productId: 3, quantity: 1 },
  ]);
  expect(admission).toEqual({ admitted: false, soldOut: [2, 3] });
  expect(gate.unitsInFlight(1)).toBe(0);
});

test('a crowd of 100 for 10 units: 10 admitted, 90 refused once they have held theirs, by one read', async () => {
  const { available, state, read } = shelf({ 7: 10 });
  const gate = new StockGate(read, 5_000);
  const known = new Map([[7, 10]]);
  const admitted: (() => void)[] = [];
  const outcomes = Array.from({ length: 100 }, () =>
    gate.admit([{ productId: 7, quantity: 1 }], known).then((a) => {
      if (a.admitted) admitted.push(a.release);
      return a;
    }),
  );
  await flush();
  expect(admitted).toHaveLength(10);
  expect(gate.unitsInFlight(7)).toBe(10);
  // The ten workflows hold their units, then answer one by one.
  available.set(7, 0);
  for (const release of admitted) release();
  const results = await Promise.all(outcomes);
  expect(results.filter((r) => r.admitted)).toHaveLength(10);
  expect(results.filter((r) => !r.admitted)).toHaveLength(90);
  expect(results.filter((r) => !r.admitted).every((r) => !r.admitted && r.soldOut[0] === 7)).toBe(true);
  expect(state.reads).toBeLessThanOrEqual(10);
  expect(gate.unitsInFlight(7)).toBe(0);
});

test('a unit an admitted checkout did not take goes to one who was waiting', async () => {
  const { read } = shelf({ 4: 1 });
  const gate = new StockGate(read, 5_000);
  const known = new Map([[4, 1]]);
  const first = await gate.admit([{ productId: 4, quantity: 1 }], known);
  const second = gate.admit([{ productId: 4, quantity: 1 }], known);
  await flush();
  expect(gate.unitsInFlight(4)).toBe(1);
  // The first checkout failed (its card, its address…): the unit is still on the shelf.
  if (first.admitted) first.release();
  expect((await second).admitted).toBe(true);
  expect(gate.unitsInFlight(4)).toBe(1);
});

test('a release counts once, and after the longest wait the workflow decides', async () => {
  const { read } = shelf({ 9: 1 });
  const gate = new StockGate(read, 30);
  const first = await gate.admit([{ productId: 9, quantity: 1 }], new Map([[9, 1]]));
  const started = Date.now();
  const late = await gate.admit([{ productId: 9, quantity: 1 }], new Map([[9, 1]]));
  expect(late.admitted).toBe(true);
  expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  expect(gate.unitsInFlight(9)).toBe(2);
  if (first.admitted) {
    first.release();
    first.release();
  }
  expect(gate.unitsInFlight(9)).toBe(1);
});
