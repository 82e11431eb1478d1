import { checkExpiry, type ObjectStorage } from './port';

export interface StableGetUrlsOptions {
  /** Every URL handed out works for at least this long (seconds). */
  validSeconds: number;
  /** How long one URL is handed out before the next is signed (seconds; default `validSeconds`). */
  windowSeconds?: number;
  /**
   * URLs remembered at most (default 100,000); those not asked for lately go first. A remembered S3 URL takes about
   * 580 bytes, a local one about 320.
   */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** The URLs of one entry being signed, then the URLs. */
type Remembered = Promise<readonly string[]> | readonly string[];

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
 * Objects always shown together (an image and its three thumbnails) are one entry, `urls(id, keys)`: one lookup
 * instead of four, and no thumbnail key is built unless it must be signed.
 *
 * The memo has two generations of up to `maxEntries / 2` URLs each: an entry is looked up in the current one, then
 * in the previous one (and brought into the current one); when the current one is full, it becomes the previous one
 * and the oldest is dropped whole. Constant time per call, where evicting entries one by one from the front of a
 * Map made each call scan past the deleted ones (12–14 µs a call at 40,000 keys). Signed URLs are kept as flat
 * strings, not as the promise that made them (about a third of the memory); a signature that fails is not
 * remembered.
 */
export class StableGetUrls {
  private readonly validSeconds: number;
  private readonly windowMs: number;
  /** URLs per generation: two generations hold at most maxEntries. */
  private readonly generationSize: number;
  private readonly now: () => number;
  private window = -1;
  private current = new Map<string, Remembered>();
  private currentUrls = 0;
  private previous = new Map<string, Remembered>();

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
    this.generationSize = Math.max(1, Math.floor((options.maxEntries ?? 100_000) / 2));
    this.now = options.now ?? Date.now;
  }

  /** The URL of one object. */
  async url(key: string): Promise<string> {
    return (await this.urls(key, alone))[0]!;
  }

  /**
   * The URLs of `keys(id)`, in order, remembered as one entry under `id`. An id must always come with the same
   * keys; `keys` is called only when they must be signed.
   */
  urls(id: string, keys: (id: string) => readonly string[]): Promise<readonly string[]> {
    const window = Math.floor(this.now() / this.windowMs);
    if (window !== this.window) {
      this.current = new Map();
      this.currentUrls = 0;
      this.previous = new Map();
      this.window = window;
    }
    let known = this.current.get(id);
    if (known === undefined) {
      known = this.previous.get(id);
      // Still being signed: rare, counted by asking for its keys again.
      if (known !== undefined) {
        this.remember(id, known, known instanceof Promise ? keys(id).length : known.length);
      }
    }
    if (known !== undefined) return known instanceof Promise ? known : Promise.resolve(known);
    const options = {
      expiresInSeconds: this.validSeconds + this.windowMs / 1000,
      signedAt: new Date(window * this.windowMs),
    };
    const list = keys(id);
    const signing = Promise.all(list.map((key) => this.storage.presignGet(key, options)));
    this.remember(id, signing, list.length);
    signing.then(
      (urls) => this.settle(id, signing, urls),
      () => this.settle(id, signing, undefined),
    );
    return signing;
  }

  private remember(id: string, urls: Remembered, count: number): void {
    if (this.currentUrls + count > this.generationSize && this.current.size > 0) {
      this.previous = this.current;
      this.current = new Map();
      this.currentUrls = 0;
    }
    this.current.set(id, urls);
    this.currentUrls += count;
  }

  /** The signatures done: keep the URLs themselves, or forget a failure. */
  private settle(id: string, signing: Promise<readonly string[]>, urls: readonly string[] | undefined): void {
    for (const memo of [this.current, this.previous]) {
      if (memo.get(id) !== signing) continue;
      if (urls === undefined) memo.delete(id);
      else memo.set(id, urls.map(flat));
    }
  }
}

const alone = (key: string): readonly string[] => [key];

/**
 * A URL built by concatenation is a rope of its pieces, 2.5 KB for an S3 URL of 400 characters; reading a
 * character makes V8 store it as one flat string (580 bytes with its memo entry).
 */
function flat(url: string): string {
  url.charCodeAt(0);
  return url;
}
