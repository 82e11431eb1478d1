import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each(['/account', '/orders/12', '/search?q=lamp&page=2', '/p/red-lamp#reviews', '/search?q=100%'])(
    'keeps the local path %s',
    (path) => expect(safeNextPath(path)).toBe(path),
  );

  it.each([
    ['missing', null],
    ['undefined', undefined],
    ['empty', ''],
    ['protocol-relative', '//evil.com'],
    ['protocol-relative with path', '//evil.com/account'],
    ['absolute https', 'https://evil'],
    ['absolute http', 'http://evil.com/'],
    ['backslash', '/\\evil'],
    ['double backslash', '\\\\evil.com'],
    ['backslash later on', '/account\\..\\\\evil.com'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,hi'],
    ['relative without slash', 'account'],
    ['tab between slashes', '/\t/evil.com'],
    ['newline between slashes', '/\n/evil.com'],
    ['leading space', ' /account'],
    ['encoded slashes', '%2F%2Fevil.com'],
    ['encoded second slash', '/%2Fevil.com'],
    ['encoded backslash', '/%5Cevil.com'],
    ['double-encoded second slash', '/%252Fevil.com'],
    ['encoded tab', '/%09/evil.com'],
    ['encoded scheme', 'https%3A%2F%2Fevil.com'],
    ['too long', `/${'a'.repeat(2001)}`],
  ])('refuses %s', (_name, raw) => {
    expect(safeNextPath(raw)).toBe('/account');
  });

  it('uses the given fallback', () => {
    expect(safeNextPath('//evil.com', '/')).toBe('/');
  });
});
