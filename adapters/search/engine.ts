import { type BulkFailure, SearchBulkError, SearchEngineError, toSearchEngineError } from './errors';
import type {
  IndexDefinition,
  IndexedDocument,
  SearchEngine,
  SearchEngineKind,
  SearchQuery,
  SearchResult,
  WriteOptions,
} from './port';
import { hitHighlighter } from './highlights';
import {
  buildSearchRequest,
  type QueryBuilderOptions,
  type SearchRequestBody,
  TYPO_FALLBACK_BELOW,
} from './query-builder';
import { parseSearchResponse } from './result-parser';

/**
 * What differs between the two clients: how a request is spelled (`body: {...}` for OpenSearch, top-level fields
 * for Elasticsearch 8) and how a response comes back (`{ body }` vs the body itself). Everything else — alias
 * logic, bulk error handling, the query and its parsing — lives once, in createEngine.
 */
export interface EngineClient {
  createIndex(
    name: string,
    definition: IndexDefinition & { aliases?: Record<string, object> },
  ): Promise<void>;
  /** Index name → its aliases, for the indices that carry `alias`; {} when none does. */
  getAlias(alias: string): Promise<Record<string, unknown>>;
  updateAliases(actions: Record<string, unknown>[]): Promise<void>;
  /** The raw bulk response body. */
  bulk(index: string, operations: unknown[], waitForRefresh: boolean): Promise<unknown>;
  /** false when the document did not exist. */
  deleteDoc(index: string, id: string, waitForRefresh: boolean): Promise<boolean>;
  /** The raw search response body. */
  search(index: string, body: SearchRequestBody): Promise<unknown>;
  /** A missing index is not an error. */
  deleteIndex(name: string): Promise<void>;
  refresh(index: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

// Lower case, no path or wildcard characters, not starting with `-`, `_` or `+` (the engines' own rules).
const INDEX_NAME = /^[a-z0-9][a-z0-9._-]{0,199}$/;

export function assertIndexName(name: string): void {
  if (!INDEX_NAME.test(name) || name === '.' || name === '..') {
    throw new SearchEngineError(
      `invalid index or alias name ${JSON.stringify(name)}`,
      400,
      'invalid_index_name',
    );
  }
}

export function createEngine(
  kind: SearchEngineKind,
  client: EngineClient,
  options: QueryBuilderOptions = {},
): SearchEngine {
  // Every client call goes through here, so callers only ever see SearchEngineError.
  async function call<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toSearchEngineError(error, action);
    }
  }

  async function aliasTargets(alias: string): Promise<string[]> {
    assertIndexName(alias);
    const indices = await call(`get alias ${alias}`, () => client.getAlias(alias));
    return Object.keys(indices).sort();
  }

  return {
    kind,

    async ensureIndex(alias, definition) {
      const current = await aliasTargets(alias);
      if (current.length > 0) return current;
      const initial = `${alias}-initial`;
      try {
        // The alias is part of the creation, so no one ever sees the index without it.
        await call(`create index ${initial}`, () =>
          client.createIndex(initial, { ...definition, aliases: { [alias]: {} } }),
        );
      } catch (error) {
        // Another process won the race: fine, it created the same thing.
        if (!(error instanceof SearchEngineError && error.type === 'resource_already_exists_exception')) {
          throw error;
        }
      }
      return aliasTargets(alias);
    },

    async createIndex(name, definition) {
      assertIndexName(name);
      await call(`create index ${name}`, () => client.createIndex(name, definition));
    },

    aliasTargets,

    async swapAlias(alias, newIndex) {
      assertIndexName(newIndex);
      const old = (await aliasTargets(alias)).filter((index) => index !== newIndex);
      const actions: Record<string, unknown>[] = [];
      if (old.length > 0) actions.push({ remove: { indices: old, alias } });
      actions.push({ add: { index: newIndex, alias } });
      // One request: the engine applies all actions atomically, so the alias is never missing or doubled.
      await call(`swap alias ${alias} to ${newIndex}`, () => client.updateAliases(actions));
      return old;
    },

    async bulkIndex(indexOrAlias, docs, writeOptions?: WriteOptions) {
      assertIndexName(indexOrAlias);
      if (docs.length === 0) return;
      const operations = docs.flatMap(({ id, doc }: IndexedDocument) => [{ index: { _id: id } }, doc]);
      const response = await call(`bulk index into ${indexOrAlias}`, () =>
        client.bulk(indexOrAlias, operations, Boolean(writeOptions?.waitForRefresh)),
      );
      const failures = bulkFailures(response);
      if (failures.length > 0) throw new SearchBulkError(failures);
    },

    async deleteDoc(indexOrAlias, id, writeOptions?: WriteOptions) {
      assertIndexName(indexOrAlias);
      return call(`delete ${id} from ${indexOrAlias}`, () =>
        client.deleteDoc(indexOrAlias, id, Boolean(writeOptions?.waitForRefresh)),
      );
    },

    async search(indexOrAlias: string, query: SearchQuery): Promise<SearchResult> {
      assertIndexName(indexOrAlias);
      const q = query.q?.trim() ?? '';
      const run = async (typos: boolean) => {
        const body = buildSearchRequest(query, { ...options, typos });
        const raw = await call(`search ${indexOrAlias}`, () => client.search(indexOrAlias, body));
        return parseSearchResponse(raw, q ? hitHighlighter(q, typos) : undefined);
      };
      // The words as typed first; typo-tolerant matches only when those find less than a page (query-builder.ts).
      const exact = await run(false);
      return !q || exact.total >= TYPO_FALLBACK_BELOW ? exact : run(true);
    },

    async deleteIndex(name) {
      assertIndexName(name);
      await call(`delete index ${name}`, () => client.deleteIndex(name));
    },

    async refresh(indexOrAlias) {
      assertIndexName(indexOrAlias);
      await call(`refresh ${indexOrAlias}`, () => client.refresh(indexOrAlias));
    },

    async ping() {
      const ok = await call('ping', () => client.ping());
      if (!ok) throw new SearchEngineError('search engine: ping failed', undefined, 'unavailable');
    },

    async close() {
      await client.close();
    },
  };
}

interface RawBulkResponse {
  errors?: boolean;
  items?: Record<string, { _id?: string; status?: number; error?: { type?: string; reason?: string } }>[];
}

function bulkFailures(raw: unknown): BulkFailure[] {
  const body = (raw ?? {}) as RawBulkResponse;
  if (!body.errors) return [];
  const failures: BulkFailure[] = [];
  for (const item of body.items ?? []) {
    const result = Object.values(item)[0];
    if (!result?.error) continue;
    failures.push({
      id: String(result._id),
      status: result.status ?? 0,
      type: result.error.type,
      reason: result.error.reason,
    });
  }
  return failures;
}
