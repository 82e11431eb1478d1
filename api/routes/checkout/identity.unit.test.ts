import { canonicalJson, orderNumberFor } from './identity';

test('order numbers are derived from the key: stable, distinct, readable', () => {
  const a = orderNumberFor('user:1:key-a');
  expect(a).toMatch(/^M-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(orderNumberFor('user:1:key-a')).toBe(a);
  expect(orderNumberFor('user:2:key-a')).not.toBe(a);
  const many = new Set(Array.from({ length: 10_000 }, (_, i) => orderNumberFor(`guest:x:${i}`)));
  expect(many.size).toBe(10_000);
});

test('canonical JSON ignores key order and undefined fields', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
    '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
  );
  expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
});
