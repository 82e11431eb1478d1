import type { Request, Response } from 'express';
import type { CachedBody } from '../services/catalog-cache';

/**
 * Sends a JSON body with its weak ETag, or a bare 304 when the client's `If-None-Match` already names it. The ETag
 * is the hash of the cached text, so a page served from the cache is revalidated without serializing anything.
 * `no-cache` lets browsers and proxies keep the body but ask every time: a price change shows at once.
 */
export function sendWithEtag(req: Request, res: Response, body: CachedBody): void {
  res.setHeader('ETag', body.etag);
  res.setHeader('Cache-Control', 'public, no-cache');
  if (matches(req.headers['if-none-match'], body.etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).type('application/json').send(body.json);
}

/** `If-None-Match` is a list of (weak or strong) tags or `*`; weak comparison, as RFC 9110 asks for GET. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === ours);
}
