/**
 * Errors of the search port. Callers never see the clients' own error classes (which differ between
 * `@elastic/elasticsearch` and `@opensearch-project/opensearch`): both are turned into these.
 */
export class SearchEngineError extends Error {
  override readonly name: string = 'SearchEngineError';
  constructor(
    message: string,
    /** The engine's HTTP status; undefined when it did not answer (connection refused, timeout). */
    readonly status?: number,
    /** The engine's error type, e.g. `index_not_found_exception`, or `unavailable` when it did not answer. */
    readonly type?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export interface BulkFailure {
  id: string;
  status: number;
  type?: string;
  reason?: string;
}

/** Some documents of a bulk request were rejected (the others were written). */
export class SearchBulkError extends SearchEngineError {
  override readonly name = 'SearchBulkError';
  constructor(readonly failures: BulkFailure[]) {
    const first = failures[0];
    super(
      `${failures.length} document(s) failed to index` +
        (first ? `; first: ${first.id}: ${first.type ?? first.status} ${first.reason ?? ''}`.trimEnd() : ''),
      first?.status,
      first?.type,
    );
  }
}

interface ClientErrorShape {
  name?: string;
  message?: string;
  meta?: { statusCode?: number; body?: unknown };
}

/**
 * Turns an error thrown by either client into a SearchEngineError. Both clients (the OpenSearch one is a fork of
 * the Elasticsearch 7 client) throw a `ResponseError` with `meta.statusCode` and `meta.body.error` for an
 * answer, and a `ConnectionError`/`TimeoutError`/`NoLivingConnectionsError` without a status otherwise.
 */
export function toSearchEngineError(error: unknown, action: string): SearchEngineError {
  if (error instanceof SearchEngineError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ClientErrorShape;
  if (e.name === 'ProductNotSupportedError') {
    // The Elasticsearch client met a server that is not Elasticsearch (e.g. OpenSearch behind kind=elasticsearch).
    return new SearchEngineError(
      `search engine: ${action} failed: the server does not say it is Elasticsearch (x-elastic-product); ` +
        'for OpenSearch use the opensearch kind',
      undefined,
      'product_not_supported',
      { cause: error },
    );
  }
  const status = e.meta?.statusCode;
  if (typeof status === 'number' && status > 0) {
    const { type, reason } = errorDetails(e.meta?.body);
    return new SearchEngineError(
      `search engine: ${action} failed: ${status} ${type ?? ''} ${reason ?? e.message ?? ''}`.replace(
        /\s+/g,
        ' ',
      ),
      status,
      type,
      { cause: error },
    );
  }
  return new SearchEngineError(
    `search engine: ${action} failed: unreachable (${e.name ?? 'Error'}: ${e.message ?? String(error)})`,
    undefined,
    'unavailable',
    { cause: error },
  );
}

function errorDetails(body: unknown): { type?: string; reason?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'string') return { reason: error };
  if (typeof error !== 'object' || error === null) return {};
  const { type, reason } = error as { type?: unknown; reason?: unknown };
  return {
    type: typeof type === 'string' ? type : undefined,
    reason: typeof reason === 'string' ? reason : undefined,
  };
}
