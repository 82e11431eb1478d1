/** An RFC 9457 problem+json answer from the API. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { path?: string; message?: string; code?: string }[];
  /** On a checkout's 409 out_of_stock: refused by the guest share of the stock (GUEST_HOLD_MAX_PERCENT). */
  guestHoldLimit?: boolean;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(
    readonly status: number,
    problem: Problem | string,
    readonly headers: Record<string, string | string[] | number | undefined> = {},
  ) {
    const body = typeof problem === 'object' && problem !== null ? problem : { detail: String(problem) };
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.problem = body;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
}

/** Seconds to wait from a 429's Retry-After (or RateLimit-Reset), when it says. */
export function retryAfterSeconds(error: ApiError): number | null {
  const raw = error.headers['retry-after'] ?? error.headers['ratelimit-reset'];
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/** What the shopper reads for an API refusal: plain words, never a stack or a status code alone. */
export function messageFor(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong on our side. Please try again.';
  if (error.status === 429) {
    const wait = retryAfterSeconds(error);
    return `Too many attempts. Please wait ${wait ? `${wait} seconds` : 'a minute'} and try again.`;
  }
  if (error.status >= 500) return 'The shop could not answer just now. Nothing was lost: please try again.';
  return error.problem.detail ?? error.problem.title ?? 'That did not work. Please check and try again.';
}

/** Field messages keyed by the last path segment (`body.shippingAddress.city` → `shippingAddress.city`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors) {
    if (!e.path) continue;
    const key = e.path.replace(/^(body|query|params)\./, '');
    out[key] ??= e.message ?? 'Invalid value';
  }
  return out;
}
