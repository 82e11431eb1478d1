import { attachmentDisposition } from './disposition';
import { signLocalUrl, verifyLocalUrl, type LocalUrlClaims } from './local-urls';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const BASE = 'http://127.0.0.1:3000/api/storage/';
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const EXP = NOW / 1000 + 60;

/** What the storage route will see: its method, the key from the path, and the query string. */
function requestFor(url: string, method = 'PUT') {
  const { pathname, searchParams } = new URL(url);
  const key = pathname.slice('/api/storage/'.length).split('/').map(decodeURIComponent).join('/');
  return { method, key, query: searchParams };
}

const put: LocalUrlClaims = {
  method: 'PUT',
  key: 'products/42/9b1f.png',
  expiresAt: EXP,
  contentType: 'image/png',
  maxBytes: 5_000_000,
  contentLength: 1234,
};

describe('local presigned URLs', () => {
  it('signs a URL under the base URL that verifies with all its claims', () => {
    const url = signLocalUrl(BASE, SECRET, put);
    expect(url.startsWith('http://127.0.0.1:3000/api/storage/products/42/9b1f.png?exp=')).toBe(true);
    expect(verifyLocalUrl(SECRET, requestFor(url), NOW)).toEqual({ ok: true, claims: put });
  });

  it('verifies a GET with a download name, with the query as Express parses it', () => {
    const claims: LocalUrlClaims = {
      method: 'GET',
      key: 'invoices/INV-1.pdf',
      expiresAt: EXP,
      downloadName: 'Rechnung März.pdf',
    };
    const { key, query } = requestFor(signLocalUrl(BASE, SECRET, claims), 'get');
    expect(verifyLocalUrl(SECRET, { method: 'GET', key, query: Object.fromEntries(query) }, NOW)).toEqual({
      ok: true,
      claims,
    });
  });

  it('is valid up to its expiry second, and expired after it', () => {
    const request = requestFor(signLocalUrl(BASE, SECRET, put));
    expect(verifyLocalUrl(SECRET, request, EXP * 1000).ok).toBe(true);
    expect(verifyLocalUrl(SECRET, request, EXP * 1000 + 1)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another method, key, secret or any changed claim', () => {
    const url = signLocalUrl(BASE, SECRET, put);
    const bad = { ok: false, reason: 'bad_signature' };
    expect(verifyLocalUrl(SECRET, requestFor(url, 'GET'), NOW)).toEqual(bad);
    expect(verifyLocalUrl(SECRET, { ...requestFor(url), key: 'products/43/9b1f.png' }, NOW)).toEqual(bad);
    expect(verifyLocalUrl(`${SECRET}!`, requestFor(url), NOW)).toEqual(bad);
    for (const [param, value] of [
      ['exp', String(EXP + 3600)],
      ['ct', 'text/html'],
      ['max', '9999999999'],
      ['len', '1'],
    ] as const) {
      const tampered = new URL(url);
      tampered.searchParams.set(param, value);
      expect(verifyLocalUrl(SECRET, requestFor(tampered.href), NOW)).toEqual(bad);
    }
    const dropped = new URL(url);
    dropped.searchParams.delete('len');
    expect(verifyLocalUrl(SECRET, requestFor(dropped.href), NOW)).toEqual(bad);
  });

  it('checks the signature before the expiry', () => {
    const tampered = new URL(signLocalUrl(BASE, SECRET, put));
    tampered.searchParams.set('ct', 'text/html');
    expect(verifyLocalUrl(SECRET, requestFor(tampered.href), EXP * 1000 + 1)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('calls malformed what it cannot even check', () => {
    const url = new URL(signLocalUrl(BASE, SECRET, put));
    const malformed = { ok: false, reason: 'malformed' };
    const without = (param: string) => {
      const u = new URL(url);
      u.searchParams.delete(param);
      return requestFor(u.href);
    };
    expect(verifyLocalUrl(SECRET, without('sig'), NOW)).toEqual(malformed);
    expect(verifyLocalUrl(SECRET, without('exp'), NOW)).toEqual(malformed);
    const repeated = new URL(url);
    repeated.searchParams.append('ct', 'text/html');
    expect(verifyLocalUrl(SECRET, requestFor(repeated.href), NOW)).toEqual(malformed);
    const notANumber = new URL(url);
    notANumber.searchParams.set('max', '1e9');
    expect(verifyLocalUrl(SECRET, requestFor(notANumber.href), NOW)).toEqual(malformed);
    expect(verifyLocalUrl(SECRET, { ...requestFor(url.href), key: '../etc/passwd' }, NOW)).toEqual(malformed);
    expect(verifyLocalUrl(SECRET, requestFor(url.href, 'DELETE'), NOW)).toEqual(malformed);
    expect(
      verifyLocalUrl(
        SECRET,
        { method: 'GET', key: put.key, query: { exp: String(EXP), sig: ['a', 'b'] } },
        NOW,
      ),
    ).toEqual(malformed);
  });

  it('will not sign an invalid key or with a short secret', () => {
    expect(() => signLocalUrl(BASE, SECRET, { ...put, key: '../x' })).toThrow(/invalid object key/);
    expect(() => signLocalUrl(BASE, 'short', put)).toThrow(/at least 32 characters/);
    expect(() => verifyLocalUrl('short', requestFor(signLocalUrl(BASE, SECRET, put)), NOW)).toThrow(
      /at least 32/,
    );
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Rechnung März.pdf')).toBe(
      `attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`,
    );
  });

  it('keeps quotes, separators and control characters out of the header', () => {
    expect(attachmentDisposition('a"b\\c/d\r\ne.pdf')).toBe(
      `attachment; filename="a_b_c_d__e.pdf"; filename*=UTF-8''a_b_c_d__e.pdf`,
    );
    expect(attachmentDisposition("it's (1).pdf")).toBe(
      `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`,
    );
    expect(attachmentDisposition('  ')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });
});
