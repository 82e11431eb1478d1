import { checkExpiry, type ObjectStorage } from './port';

export interface StableGetUrlsOptions {
  /** Every URL handed out works for at least this long (seconds). */
  validSeconds: number;
  /** How long one URL is handed out before the next is signed (seconds; default `validSeconds`). */
  windowSeconds?: number;
  /** URLs remembered at most (default 20,000, a few MB); the oldest go first. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * Presigned GET URLs that stay the same for a while, for objects shown again and again (product images and their
 * thumbnails: a listing page of 20 products presents 80 of them).
 *
 * Time is cut into windows of `windowSeconds`; every URL of a window is signed as of the window's start and
 * expires `validSeconds + windowSeconds` later, so it still works `validSeconds` after the last moment it is handed
 * out, as a URL signed on the spot would. Within a window a key always gets the same URL, which:
 *
 * - costs one signature per key and window instead of one per request (an S3 signature costs the AWS SDK about
 *   0.4 ms of CPU, docs/benchmarks.md);
 * - lets browsers and CDNs cache the image: the URL of the same picture no longer changes with every page view;
 * - is the same in every API process (same clock window, same credentials).
 *
 * A signature that fails is not remembered.
 */
export class StableGetUrls {
  private readonly validSeconds: number;
  private readonly windowMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private window = -1;
  private readonly urls = new Map<string, Promise<string>>();

  constructor(
    private readonly storage: ObjectStorage,
    options: StableGetUrlsOptions,
  ) {
    const windowSeconds = options.windowSeconds ?? options.validSeconds;
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
      throw new RangeError('windowSeconds must be a positive integer');
    }
    checkExpiry(options.validSeconds + windowSeconds); // what each URL is signed for
    this.validSeconds = options.validSeconds;
    this.windowMs = windowSeconds * 1000;
    this.maxEntries = options.maxEntries ?? 20_000;
    this.now = options.now ?? Date.now;
  }

  url(key: string): Promise<string> {
    const window = Math.floor(this.now() / this.windowMs);
    if (window !== this.window) {
      this.urls.clear();
      this.window = window;
    }
    const known = this.urls.get(key);
    if (known) return known;
    const signing = this.storage.presignGet(key, {
      expiresInSeconds: this.validSeconds + this.windowMs / 1000,
      signedAt: new Date(window * this.windowMs),
    });
    if (this.urls.size >= this.maxEntries) this.urls.delete(this.urls.keys().next().value!);
    this.urls.set(key, signing);
    signing.catch(() => {
      if (this.urls.get(key) === signing) this.urls.delete(key);
    });
    return signing;
  }
}
