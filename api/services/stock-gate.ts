/**
 * Admission for checkouts of scarce products, per API process. The order workflow's conditional UPDATE stays the
 * only thing that holds stock; the gate only decides whether a checkout is worth a workflow:
 *
 * - admitted at once while `available − units in flight ≥ quantity` for every line (the usual case);
 * - refused at once (sold out, no order, no workflow) when a line's product has fewer units available than asked
 *   and no checkout for it is in flight here: nothing pending could give units back before the answer;
 * - otherwise it waits until an in-flight checkout of a short product ends, reads the stock again and decides
 *   again. After `maxWaitMs` it is admitted, and the workflow decides.
 *
 * A crowd of 1,000 for the last 10 units thus starts 10 workflows, not 1,000: the other 990 wait a moment and are
 * refused by one stock read. A checkout counts as in flight from admission until its answer (stock held or not),
 * so an in-flight order that already holds its units is counted twice: the gate waits longer than needed, never
 * admits fewer than could be sold, and never refuses while a unit could still come back from one in flight.
 */

export interface GateLine {
  productId: number;
  quantity: number;
}

/** Units available (on hand − reserved) per product; a product missing from the map has none. */
export type ReadAvailable = (productIds: number[]) => Promise<Map<number, number>>;

export type Admission = { admitted: true; release: () => void } | { admitted: false; soldOut: number[] };

export class StockGate {
  private readonly inflight = new Map<number, number>();
  private readonly waiters = new Map<number, Set<() => void>>();
  private readonly reads = new Map<string, Promise<Map<number, number>>>();
  /** Counts exits, so a read shared by a crowd of waiters never started before the exit that woke them. */
  private exits = 0;

  constructor(
    private readonly readAvailable: ReadAvailable,
    private readonly maxWaitMs: number,
  ) {}

  /** `known`: stock read moments ago (the priced cart's), so the usual checkout costs no extra query. */
  async admit(lines: GateLine[], known?: Map<number, number>): Promise<Admission> {
    const deadline = Date.now() + this.maxWaitMs;
    let available = known ?? (await this.read(lines));
    for (;;) {
      const short = lines.filter(
        (line) => (available.get(line.productId) ?? 0) - this.unitsInFlight(line.productId) < line.quantity,
      );
      const left = deadline - Date.now();
      if (short.length === 0 || left <= 0) return this.enter(lines);
      const soldOut = short.filter(
        (line) =>
          this.unitsInFlight(line.productId) === 0 && (available.get(line.productId) ?? 0) < line.quantity,
      );
      if (soldOut.length) return { admitted: false, soldOut: soldOut.map((line) => line.productId) };
      await this.nextExit(
        short.map((line) => line.productId),
        left,
      );
      available = await this.read(lines);
    }
  }

  /** Units of a product whose checkouts this process admitted and has not answered yet. */
  unitsInFlight(productId: number): number {
    return this.inflight.get(productId) ?? 0;
  }

  private enter(lines: GateLine[]): Admission {
    for (const line of lines)
      this.inflight.set(line.productId, this.unitsInFlight(line.productId) + line.quantity);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.exits += 1;
      for (const line of lines) {
        const units = this.unitsInFlight(line.productId) - line.quantity;
        if (units > 0) this.inflight.set(line.productId, units);
        else this.inflight.delete(line.productId);
        const waiting = this.waiters.get(line.productId);
        this.waiters.delete(line.productId);
        for (const wake of waiting ?? []) wake();
      }
    };
    return { admitted: true, release };
  }

  /** Resolves when a checkout of one of these products leaves the gate, or after `ms`. */
  private nextExit(productIds: number[], ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        for (const id of productIds) this.waiters.get(id)?.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      for (const id of productIds) {
        const set = this.waiters.get(id) ?? new Set<() => void>();
        set.add(wake);
        this.waiters.set(id, set);
      }
    });
  }

  /** One query for everyone waiting on the same products: a crowd woken together reads the stock once. */
  private read(lines: GateLine[]): Promise<Map<number, number>> {
    const ids = [...new Set(lines.map((line) => line.productId))].sort((a, b) => a - b);
    const key = `${this.exits}:${ids.join(',')}`;
    const pending = this.reads.get(key);
    if (pending) return pending;
    const started = this.readAvailable(ids).finally(() => this.reads.delete(key));
    this.reads.set(key, started);
    return started;
  }
}
