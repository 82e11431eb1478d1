import { attachmentDisposition, type LocalUrlClaims, verifyLocalUrl } from '@market/adapters';
import { type Request, type Response, Router } from 'express';
import type { AppDeps } from '../../deps';
import { AppError, BadRequestError, ForbiddenError, NotFoundError, PayloadTooLargeError } from '../../errors';

export const STORAGE_MOUNT = '/api/storage';

/**
 * `GET|PUT /api/storage/<key>?exp=…&sig=…`: the local adapter's presigned URLs (embedded default, no S3). Public:
 * the signature is the authorization — it binds the method, the key, the expiry and, for a PUT, the content type
 * and size limits, which are enforced here. Mounted before the API's JSON-only body handling, because uploads are
 * image bytes. Without local storage (S3 configured) it answers nothing and the request falls through to a 404.
 */
export function storageRouter(deps: AppDeps): Router {
  const router = Router();
  const { storage, config } = deps;
  if (storage.kind !== 'local' || config.storage.kind !== 'local' || !config.storage.signingSecret)
    return router;
  const secret = config.storage.signingSecret;

  const verified = (req: Request): { key: string; claims: LocalUrlClaims } => {
    let key: string;
    try {
      key = req.path.slice(1).split('/').map(decodeURIComponent).join('/');
    } catch {
      throw new BadRequestError('The object key is not valid.', 'malformed_storage_url');
    }
    const query = new URL(req.originalUrl, 'http://localhost').searchParams;
    // HEAD is a GET without a body: it is signed as one.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const check = verifyLocalUrl(secret, { method, key, query });
    if (check.ok) return { key, claims: check.claims };
    if (check.reason === 'malformed') {
      throw new BadRequestError('This is not a signed storage URL.', 'malformed_storage_url');
    }
    if (check.reason === 'expired') throw new ForbiddenError('This storage URL has expired.', 'url_expired');
    throw new ForbiddenError('The signature of this storage URL does not match.', 'invalid_signature');
  };

  router.get('/*key', async (req: Request, res: Response) => {
    const { key, claims } = verified(req);
    const object = await storage.get(key);
    if (!object) throw new NotFoundError('There is no such object.');
    res.setHeader('Content-Type', object.contentType);
    // Images are shown by the storefront and the admin, which live on other origins (helmet says same-origin).
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (object.cacheControl) res.setHeader('Cache-Control', object.cacheControl);
    if (claims.downloadName !== undefined) {
      res.setHeader('Content-Disposition', attachmentDisposition(claims.downloadName));
    }
    res.status(200).end(object.body);
  });

  router.put('/*key', async (req: Request, res: Response) => {
    const { key, claims } = verified(req);
    if (req.headers['content-type'] !== claims.contentType) {
      throw new ForbiddenError(
        `The upload must have Content-Type ${claims.contentType}.`,
        'content_type_mismatch',
      );
    }
    const max = claims.maxBytes ?? 0;
    const declared = req.headers['content-length'];
    if (claims.contentLength !== undefined && Number(declared) !== claims.contentLength) {
      throw new ForbiddenError(
        `The upload must be exactly ${claims.contentLength} bytes.`,
        'content_length_mismatch',
      );
    }
    if (Number(declared) > max) throw new PayloadTooLargeError(`The upload may not exceed ${max} bytes.`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > max) {
        req.unpipe();
        res.setHeader('Connection', 'close');
        throw new PayloadTooLargeError(`The upload may not exceed ${max} bytes.`);
      }
      chunks.push(chunk as Buffer);
    }
    if (claims.contentLength !== undefined && size !== claims.contentLength) {
      throw new AppError(400, 'content_length_mismatch', 'Bad request', 'The upload ended early.');
    }
    await storage.put(key, Buffer.concat(chunks), {
      contentType: claims.contentType ?? 'application/octet-stream',
    });
    res.status(200).end();
  });

  return router;
}
