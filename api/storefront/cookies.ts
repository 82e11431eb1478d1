import type { Request, Response } from 'express';
import type { CookieJar } from './context';

/**
 * The shopper's session cookies (access token, refresh token, cart token): HttpOnly, SameSite=Lax (a cross-site
 * form post carries none of them), Secure when the shop is served over https.
 */
export function cookieJar(req: Request, res: Response, secure: boolean): CookieJar {
  const parsed = parseCookies(req.get('cookie') ?? '');
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    get: (name) => parsed.get(name),
    set: (name, value, { maxAgeSeconds }) => {
      parsed.set(name, value);
      res.cookie(name, value, maxAgeSeconds === undefined ? base : { ...base, maxAge: maxAgeSeconds * 1000 });
    },
    clear: (name) => {
      parsed.delete(name);
      res.clearCookie(name, base);
    },
  };
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A cookie we did not write (bad escape): ignore it rather than fail the page.
    }
  }
  return cookies;
}
