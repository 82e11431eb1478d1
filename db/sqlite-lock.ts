import path from 'node:path';

interface Waiter {
  owner: object;
  grant: () => void;
}

/**
 * One writer at a time per database file, across every connection of this process. SQLite itself would make a
 * second writer wait on SQLITE_BUSY, but libsql waits synchronously, which would freeze the event loop while the
 * first writer's transaction is itself waiting for the event loop: a deadlock. Waiting here is asynchronous.
 */
export class FileLock {
  private holder: object | null = null;
  private readonly waiters: Waiter[] = [];

  isHeldBy(owner: object): boolean {
    return this.holder === owner;
  }

  /** Takes the lock if it is free (or already ours); never waits. */
  tryAcquire(owner: object): boolean {
    if (this.holder === owner) return true;
    if (this.holder !== null) return false;
    this.holder = owner;
    return true;
  }

  /** Resolves once `owner` holds the lock; rejects with `onTimeout()` after `timeoutMs`. FIFO among waiters. */
  acquire(owner: object, timeoutMs: number, onTimeout: () => Error): Promise<void> {
    if (this.tryAcquire(owner)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        owner,
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(onTimeout());
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Hands the lock to the longest waiter, if any. A no-op for a connection that does not hold it. */
  release(owner: object): void {
    if (this.holder !== owner) return;
    const next = this.waiters.shift();
    this.holder = next ? next.owner : null;
    next?.grant();
  }
}

const locks = new Map<string, FileLock>();

/** The lock shared by every connection to `filename`. In-memory databases are private to one connection. */
export function lockFor(filename: string): FileLock {
  if (filename === ':memory:' || filename === '') return new FileLock();
  const key = path.resolve(filename);
  let lock = locks.get(key);
  if (!lock) {
    lock = new FileLock();
    locks.set(key, lock);
  }
  return lock;
}
