import { fileSafeMessageId, messageIdFor } from './message-id';

test('messageIdFor turns a dedupe key into a valid, stable Message-ID', () => {
  expect(messageIdFor('order-abc:email:order_shipped')).toBe('<order-abc.email.order_shipped@market>');
  expect(messageIdFor('order-abc:email:order_refunded:2')).toBe('<order-abc.email.order_refunded.2@market>');
  expect(messageIdFor('a::b')).toBe('<a.b@market>');
  expect(messageIdFor('k', 'shop.example')).toBe('<k@shop.example>');
});

test('messageIdFor hashes keys that cannot be made valid or are too long', () => {
  for (const key of [':::', '', 'x'.repeat(121)]) {
    const id = messageIdFor(key);
    expect(id).toMatch(/^<[0-9a-f]{40}@market>$/);
    expect(messageIdFor(key)).toBe(id);
  }
  expect(messageIdFor('a b<c>"d"')).toBe('<a.b.c.d@market>');
});

test('fileSafeMessageId keeps only file-name-safe characters', () => {
  expect(fileSafeMessageId('<a.b@market>')).toBe('a.b@market');
  expect(fileSafeMessageId('<a/b\\c:d@market>')).toBe('a_b_c_d@market');
  expect(fileSafeMessageId('<>')).toBe('message');
});
