import { expect, test } from 'vitest';
import { customerFilterValue } from './customerFilter';

test('passes a user id or a whole email', () => {
  expect(customerFilterValue('42')).toBe('42');
  expect(customerFilterValue(' ann@example.com ')).toBe('ann@example.com');
});

test('sends nothing for a half-typed email or other text', () => {
  expect(customerFilterValue('ann@')).toBeUndefined();
  expect(customerFilterValue('ann@example')).toBeUndefined();
  expect(customerFilterValue('ann')).toBeUndefined();
  expect(customerFilterValue('')).toBeUndefined();
});
