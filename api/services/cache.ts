import { Redis } from 'ioredis';

/** The cache port. Redis in production and tests; a process-local map on the embedded default. */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Reads and deletes a key atomically: a one-time value can be taken once, even by racing requests. */
  take(key: string): Promise<string | null>;
  /** Sets the key only if it is absent (SET NX): true for the one caller that set it. A lock that expires. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /**
   * A cache-aside read under a generation, in one round trip: the generation G stored at `generationKey` ('0' when
   * none), then the value of `<space>:<G>:<suffix>`; when that is absent, claim(`<that key>:loading`). Returns the
   * key read with the outcome.
   */
  getInGeneration(
    generationKey: string,
    space: string,
    suffix: string,
    claimSeconds: number,
  ): Promise<Generational>;
  /** set(key) and del(claimKey) at once: a loaded value stored and its claim released in one round trip. */
  setAndRelease(key: string, value: string, ttlSeconds: number, claimKey: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type Generational = { key: string; generation: string } & (
  { hit: true; value: string } | { hit: false; claimed: boolean }
);

/**
 * getInGeneration. KEYS[1] is the generation key as sent (with the connection's key prefix); ARGV: that key's name
 * without the prefix, the space, the suffix, the claim's seconds. The value's key is built here, under the same
 * prefix: a key the script does not declare, which a single Redis (not a cluster) allows. Returns { G, value } on a
 * hit, { G, 1 } when this caller claimed the load, { G, 0 } when another holds the claim.
 */
const GET_IN_GENERATION = `local prefix = string.sub(KEYS[1], 1, #KEYS[1] - #ARGV[1])
local g = redis.call('GET', KEYS[1]) or '0'
local key = prefix .. ARGV[2] .. ':' .. g .. ':' .. ARGV[3]
local v = redis.call('GET', key)
if v then return {g, v} end
if redis.call('SET', key .. ':loading', '1', 'NX', 'EX', ARGV[4]) then return {g, 1} end
return {g, 0}`;
/** SET KEYS[1] ARGV[1] EX ARGV[2], then DEL KEYS[2]. */
const SET_AND_RELEASE = `redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('DEL', KEYS[2])
return 1`;

type Scripted = Redis & {
  getInGeneration(
    generationKey: string,
    generationName: string,
    space: string,
    suffix: string,
    claimSeconds: number,
  ): Promise<[string, string | number]>;
  setAndRelease(key: string, claimKey: string, value: string, ttlSeconds: number): Promise<number>;
};

export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  private readonly scripted: Scripted;
  constructor(readonly redis: Redis) {
    // Lua scripts, sent once and then called by their SHA (ioredis's defineCommand); keyPrefix applies to KEYS.
    redis.defineCommand('getInGeneration', { numberOfKeys: 1, lua: GET_IN_GENERATION });
    redis.defineCommand('setAndRelease', { numberOfKeys: 2, lua: SET_AND_RELEASE });
    this.scripted = redis as Scripted;
  }

  /** `keyPrefix` namespaces every key (tests give each suite its own, so suites never see each other's keys). */
  static connect(url: string, options: { keyPrefix?: string } = {}): RedisCache {
    // Fail fast instead of queueing commands forever when Redis is down; readiness reports it.
    return new RedisCache(
      new Redis(url, {
        ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
        lazyConnect: false,
        maxRetriesPerRequest: 2,
        enableOfflineQueue: true,
        connectTimeout: 5000,
        // Commands issued in the same tick (concurrent requests) go out in one write, not one syscall each.
        enableAutoPipelining: true,
      }),
    );
  }
  async get(key: string) {
    return this.redis.get(key);
  }
  async set(key: string, value: string, ttlSeconds: number) {
    await this.redis.set(key, value, 'EX', ttlSeconds);
  }
  async del(key: string) {
    await this.redis.del(key);
  }
  async take(key: string) {
    return this.redis.getdel(key);
  }
  async claim(key: string, ttlSeconds: number) {
    return (await this.redis.set(key, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }
  async getInGeneration(generationKey: string, space: string, suffix: string, claimSeconds: number) {
    const [generation, result] = await this.scripted.getInGeneration(
      generationKey,
      generationKey,
      space,
      suffix,
      claimSeconds,
    );
    const key = `${space}:${generation}:${suffix}`;
    return typeof result === 'string'
      ? { key, generation, hit: true as const, value: result }
      : { key, generation, hit: false as const, claimed: result === 1 };
  }
  async setAndRelease(key: string, value: string, ttlSeconds: number, claimKey: string) {
    await this.scripted.setAndRelease(key, claimKey, value, ttlSeconds);
  }
  async ping() {
    await this.redis.ping();
  }
  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * The in-process cache's default budget (the embedded default's catalog bodies and everything else it caches): about
 * 400 listing pages or 1,200 product pages. It lives in the web process's 192 MB heap beside about 110 MB of code,
 * search index and memos; at 64 MB the web process peaked at 297–305 MB resident under the listing load (16 MB:
 * 271–272) for no measurable gain, since the long tail is rarely asked for twice within the 60 s a body is kept
 * (docs/benchmarks.md, eighth step).
 */
export const MEMORY_CACHE_MAX_BYTES = 16 * 1_048_576;

/**
 * The embedded default's cache, in this process. Bounded: past `maxBytes` (keys and values counted as UTF-16, as
 * V8 holds most strings) the least recently used entries go first, expired ones with them. Without the bound,
 * every distinct listing a crawler asked for stayed in memory until it was asked for again.
 */
export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  /** In use order: a read moves an entry to the end, so the first entries are the least recently used. */
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private bytes = 0;
  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxBytes = MEMORY_CACHE_MAX_BYTES,
  ) {}

  /** What the entries hold now, in bytes (for tests and metrics). */
  get size(): number {
    return this.bytes;
  }

  async get(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.remove(key);
    if (entry.expiresAt <= this.now()) return null;
    this.insert(key, entry);
    return entry.value;
  }
  async set(key: string, value: string, ttlSeconds: number) {
    this.remove(key);
    this.insert(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }
  private insert(key: string, entry: { value: string; expiresAt: number }) {
    this.entries.set(key, entry);
    this.bytes += (key.length + entry.value.length) * 2;
  }
  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= (key.length + entry.value.length) * 2;
  }
  async del(key: string) {
    this.remove(key);
  }
  async take(key: string) {
    const value = await this.get(key);
    this.remove(key);
    return value;
  }
  async claim(key: string, ttlSeconds: number) {
    if ((await this.get(key)) !== null) return false;
    await this.set(key, '1', ttlSeconds);
    return true;
  }
  async getInGeneration(generationKey: string, space: string, suffix: string, claimSeconds: number) {
    const generation = (await this.get(generationKey)) ?? '0';
    const key = `${space}:${generation}:${suffix}`;
    const value = await this.get(key);
    if (value !== null) return { key, generation, hit: true as const, value };
    return {
      key,
      generation,
      hit: false as const,
      claimed: await this.claim(`${key}:loading`, claimSeconds),
    };
  }
  async setAndRelease(key: string, value: string, ttlSeconds: number, claimKey: string) {
    await this.set(key, value, ttlSeconds);
    this.remove(claimKey);
  }
  async ping() {}
  async close() {
    this.entries.clear();
    this.bytes = 0;
  }
}
