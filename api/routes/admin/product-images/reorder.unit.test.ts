import { orderProblems } from './reorder';

describe('orderProblems', () => {
  test('exactly the images, in any order: no problem', () => {
    expect(orderProblems([1, 2, 3], [3, 1, 2])).toEqual([]);
    expect(orderProblems([], [])).toEqual([]);
  });

  test('repeats, strangers and omissions are each named, all at once', () => {
    expect(orderProblems([1, 2, 3], [2, 2, 9, 1, 1])).toEqual([
      { path: 'body.imageIds', code: 'duplicate_image', message: 'Listed more than once: 2, 1' },
      { path: 'body.imageIds', code: 'unknown_image', message: 'Not images of this product: 9' },
      { path: 'body.imageIds', code: 'missing_image', message: 'Images of this product left out: 3' },
    ]);
  });
});
