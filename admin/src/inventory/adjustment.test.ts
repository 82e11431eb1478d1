import { expect, test } from 'vitest';
import { adjustmentProblem } from './adjustment';

test('accepts whole non-zero changes', () => {
  expect(adjustmentProblem('12', 'restock')).toBeNull();
  expect(adjustmentProblem('+3', 'return')).toBeNull();
  expect(adjustmentProblem('-4', 'adjustment')).toBeNull();
});

test('refuses what the API would refuse', () => {
  expect(adjustmentProblem('0', 'adjustment')).toBe('Must not be zero');
  expect(adjustmentProblem('1.5', 'restock')).toMatch(/whole number/);
  expect(adjustmentProblem('', 'restock')).toMatch(/whole number/);
  expect(adjustmentProblem('-2', 'restock')).toMatch(/adds stock/);
  expect(adjustmentProblem('1000000001', 'adjustment')).toMatch(/billion/);
});
