import { daysOf, MAX_RANGE_DAYS, rangeProblem, resolveRange } from './range';

const now = new Date('2026-03-10T15:30:00Z');

test('defaults to the last 30 UTC days, today included', () => {
  const range = resolveRange({}, now);
  expect(range).toEqual({
    from: '2026-02-09',
    to: '2026-03-10',
    start: new Date('2026-02-09T00:00:00Z'),
    end: new Date('2026-03-11T00:00:00Z'),
  });
  expect(daysOf(range)).toHaveLength(30);
});

test('an explicit range includes both days, across a leap day', () => {
  const range = resolveRange({ from: '2024-02-28', to: '2024-03-01' }, now);
  expect(daysOf(range)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  expect(range.end).toEqual(new Date('2024-03-02T00:00:00Z'));
});

test('one day is a range', () => {
  expect(rangeProblem({ from: '2026-01-01', to: '2026-01-01' }, now)).toBeNull();
  expect(daysOf(resolveRange({ from: '2026-01-01', to: '2026-01-01' }, now))).toEqual(['2026-01-01']);
});

test('from after to, or after today with no to, is refused', () => {
  expect(rangeProblem({ from: '2026-01-02', to: '2026-01-01' }, now)?.path).toBe('from');
  expect(rangeProblem({ from: '2026-03-11' }, now)?.path).toBe('from');
});

test(`at most ${MAX_RANGE_DAYS} days`, () => {
  expect(rangeProblem({ from: '2024-01-01', to: '2024-12-31' }, now)).toBeNull(); // 366 days, a leap year
  expect(rangeProblem({ from: '2025-01-01', to: '2026-01-02' }, now)).toEqual({
    path: 'to',
    message: `A range is at most ${MAX_RANGE_DAYS} days`,
  });
  expect(rangeProblem({ to: '2026-01-01', from: '2020-01-01' }, now)?.path).toBe('to');
});

test('a start too far back with no end is reported on from', () => {
  expect(rangeProblem({ from: '2024-01-01' }, now)?.path).toBe('from');
});
