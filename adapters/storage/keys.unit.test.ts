import { assertValidKey, assertValidPrefix, InvalidObjectKeyError, isValidKey } from './keys';

describe('object keys', () => {
  it.each([
    'a',
    'products/42/9b1f0c2e-1d2a-4c33-9f00-7f1b2c3d4e5f.webp',
    'products/42/thumbs/200x200.webp',
    'invoices/2026/INV-000123.pdf',
    'a_b-c.d.e',
    `${'x'.repeat(200)}/${'y'.repeat(200)}`,
  ])('accepts %s', (key) => {
    expect(assertValidKey(key)).toBe(key);
    expect(isValidKey(key)).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['/etc/passwd', /starts with "\/"/],
    ['a/', /ends with "\/"/],
    ['a//b', /empty segment/],
    ['..', /"\.\." segment/],
    ['../a', /"\.\." segment/],
    ['a/../../b', /"\.\." segment/],
    ['a/./b', /"\." segment/],
    ['.hidden', /may not start with "\."/],
    ['a/.tmp', /may not start with "\."/],
    ['a\\..\\b', /only letters/],
    ['a b', /only letters/],
    ['a?b', /only letters/],
    ['a%2F..', /only letters/],
    ['über', /only letters/],
    ['a\u0000b', /only letters/],
    ['x'.repeat(201), /longer than 200/],
    [`${'abcdefgh/'.repeat(114)}x`, /longer than 1024/],
  ])('rejects %j', (key, reason) => {
    expect(() => assertValidKey(key)).toThrow(InvalidObjectKeyError);
    expect(() => assertValidKey(key)).toThrow(reason);
    expect(isValidKey(key)).toBe(false);
  });

  it('rejects what is not a string', () => {
    expect(isValidKey(undefined as unknown as string)).toBe(false);
    expect(() => assertValidKey(42 as unknown as string)).toThrow(InvalidObjectKeyError);
  });

  it('carries a stable code for the error middleware', () => {
    try {
      assertValidKey('../x');
      throw new Error('not thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidObjectKeyError);
      expect(err).toMatchObject({ code: 'invalid_object_key', key: '../x', name: 'InvalidObjectKeyError' });
    }
  });
});

describe('object key prefixes', () => {
  it.each(['products/', 'products/42/', 'a/b/c/'])('accepts %s', (prefix) => {
    expect(assertValidPrefix(prefix)).toBe(prefix);
  });

  it.each(['', '/', 'products', 'products/42', '/products/', '../products/', 'products//', 'products/../'])(
    'rejects %j',
    (prefix) => {
      expect(() => assertValidPrefix(prefix)).toThrow(InvalidObjectKeyError);
    },
  );
});
