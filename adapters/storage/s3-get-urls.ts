import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { escape, GetSigner } from './sigv4';

/** What one getSignedUrl call tells about every GET URL of the bucket. */
interface BucketUrl {
  protocol: string;
  host: string;
  /** The path before the key: `/bucket/` (path style) or `/` (virtual host). */
  prefix: string;
  /** What the SDK adds besides the signature (`x-id=GetObject`). */
  query: Record<string, string>;
  signer: GetSigner;
}

const PROBE_KEY = 'probe';

/**
 * Presigned GET URLs, signed without the SDK's per-call machinery. getSignedUrl runs the command's middleware
 * stack and the endpoint rules for every URL, about 0.3 ms of CPU each: a listing page of 24 products presents 24
 * thumbnails, a product page its pictures and its related products'. One getSignedUrl call teaches the bucket's URL
 * (path style or virtual host, as the endpoint rules chose), the signing region and service and the query the SDK
 * adds; GetSigner (sigv4.ts) then signs each URL with node:crypto, a few microseconds. The URLs are getSignedUrl's
 * byte for byte: s3.unit.test.ts compares them for path-style, public-endpoint, virtual-host and session-token setups.
 *
 * Anything unusual in the probe (another algorithm, such as SigV4a) makes every URL go through getSignedUrl.
 */
export class S3GetUrls {
  private bucketUrl?: Promise<BucketUrl | null>;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async sign(key: string, expiresIn: number, signedAt?: Date): Promise<string> {
    this.bucketUrl ??= this.learn().catch((err: unknown) => {
      this.bucketUrl = undefined; // e.g. credentials not there yet: try again next time
      throw err;
    });
    const base = await this.bucketUrl;
    if (!base) return this.viaSdk(key, expiresIn, signedAt);
    const credentials = await this.client.config.credentials(); // memoized by the SDK, renewed when it expires
    const path = base.prefix + key.split('/').map(escape).join('/');
    const query = base.signer.queryString({
      host: base.host,
      path,
      query: base.query,
      expiresIn,
      signedAt: signedAt ?? new Date(),
      credentials,
    });
    return `${base.protocol}//${base.host}${path}?${query}`;
  }

  private viaSdk(key: string, expiresIn: number, signedAt?: Date): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn,
      signingDate: signedAt,
    });
  }

  private async learn(): Promise<BucketUrl | null> {
    const probe = new URL(await this.viaSdk(PROBE_KEY, 60));
    const params = Object.fromEntries(probe.searchParams);
    const scope = params['X-Amz-Credential']?.split('/') ?? [];
    if (
      params['X-Amz-Algorithm'] !== 'AWS4-HMAC-SHA256' ||
      scope.length !== 5 ||
      !probe.pathname.endsWith(`/${PROBE_KEY}`)
    ) {
      return null;
    }
    const [, , signingRegion, signingService] = scope as [string, string, string, string];
    return {
      protocol: probe.protocol,
      host: probe.host,
      prefix: probe.pathname.slice(0, -PROBE_KEY.length),
      query: Object.fromEntries(Object.entries(params).filter(([name]) => !/^x-amz-/i.test(name))),
      signer: new GetSigner(signingRegion, signingService),
    };
  }
}
