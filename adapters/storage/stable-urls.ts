import { checkExpiry, type ObjectStorage } from './port';

export interface StableGetUrlsOptions {
  /** Every URL handed out works for at least this long (seconds). */
  validSeconds: number;
  /** How long one URL is handed out before the next is signed (seconds; default `validSeconds`). */
  windowSeconds?: number;
  /** URLs remembered at most (default 20,000, about 12 MB); those not asked for lately go first. */
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
 * The memo has two generations of up to `maxEntries / 2` URLs each: a URL is looked up in the current one, then in
 * the previous one (and brought into the current one); when the current one is full, it becomes the previous one
 * and the oldest is dropped whole. Constant time per call, where evicting entries one by one from the front of a
 * Map made each call scan past the deleted ones (12–14 µs a call at 40,000 keys). A signature that fails is not
 * remembered.
 */
export class StableGetUrls {
  private readonly validSeconds: number;
  private readonly windowMs: number;
  /** Entries per generation: two generations hold at most maxEntries. */
  private readonly generationSize: number;
  private readonly now: () => number;
  private window = -1;
  private current = new Map<string, Promise<string>>();
  private previous = new Map<string, Promise<string>>();

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
    this.generationSize = Math.max(1, Math.floor((options.maxEntries ?? 20_000) / 2));
    this.now = options.now ?? Date.now;
  }

  url(key: string): Promise<string> {
    const window = Math.floor(this.now() / this.windowMs);
    if (window !== this.window) {
      this.current = new Map();
      this.previous = new Map();
      this.window = window;
    }
    const known = this.current.get(key);
    if (known) return known;
    const earlier = this.previous.get(key);
    if (earlier) return this.remember(key, earlier);
    const signing = this.storage.presignGet(key, {
      expiresInSeconds: this.validSeconds + this.windowMs / 1000,
      signedAt: new Date(window * this.windowMs),
    });
    signing.catch(() => {
      if (this.current.get(key) === signing) this.current.delete(key);
      if (this.previous.get(key) === signing) this.previous.delete(key);
    });
    return this.remember(key, signing);
  }

  private remember(key: string, url: Promise<string>): Promise<string> {
    if (this.current.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, url);
    return url;
  }
}
