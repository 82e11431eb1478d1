import { describe, expect, test } from 'vitest';
import { imageName, moved } from './imageOrder';

describe('moved', () => {
  test('swaps with the neighbour on that side, leaving the input alone', () => {
    const items = ['a', 'b', 'c'];
    expect(moved(items, 1, 'earlier')).toEqual(['b', 'a', 'c']);
    expect(moved(items, 1, 'later')).toEqual(['a', 'c', 'b']);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  test('null at the ends and out of range', () => {
    expect(moved(['a', 'b'], 0, 'earlier')).toBeNull();
    expect(moved(['a', 'b'], 1, 'later')).toBeNull();
    expect(moved(['a'], 3, 'earlier')).toBeNull();
  });
});

test('imageName carries the alt text when there is one', () => {
  expect(imageName(2, null)).toBe('image 2');
  expect(imageName(1, 'Blue mug')).toBe('image 1 (Blue mug)');
});
