import { Client, type estypes } from '@elastic/elasticsearch';
import { createEngine, type EngineClient } from './engine';
import type { SearchEngine } from './port';
import type { QueryBuilderOptions } from './query-builder';
import type { RemoteSearchEngineConfig } from './config';

/**
 * The search port on Elasticsearch with the official client, major 8 (`@elastic/elasticsearch@8`): it runs on
 * Node 20 (9.x needs Node 22) and talks to Elasticsearch 8.x and 9.x servers alike (it sends `compatible-with=8`,
 * which 9.x accepts). It refuses a server that does not answer `x-elastic-product: Elasticsearch`.
 */
export function createElasticsearchEngine(
  config: RemoteSearchEngineConfig,
  options: QueryBuilderOptions = {},
): SearchEngine {
  const client = new Client({
    node: config.url,
    ...(config.apiKey !== undefined
      ? { auth: { apiKey: config.apiKey } }
      : config.username !== undefined
        ? { auth: { username: config.username, password: config.password ?? '' } }
        : {}),
    requestTimeout: config.requestTimeoutMs ?? 10_000,
    maxRetries: config.maxRetries ?? 2,
  });
  const ignoreMissing = { ignore: [404] };

  const ops: EngineClient = {
    async createIndex(name, definition) {
      // The generated request types are stricter than the JSON we build: the shapes are checked by the tests.
      await client.indices.create({
        index: name,
        settings: definition.settings as estypes.IndicesIndexSettings | undefined,
        mappings: definition.mappings as estypes.MappingTypeMapping,
        ...(definition.aliases ? { aliases: definition.aliases } : {}),
      });
    },
    async getAlias(alias) {
      const response = await client.indices.getAlias({ name: alias }, { ...ignoreMissing, meta: true });
      return response.statusCode === 404 ? {} : (response.body as Record<string, unknown>);
    },
    async updateAliases(actions) {
      await client.indices.updateAliases({ actions: actions as estypes.IndicesUpdateAliasesAction[] });
    },
    async bulk(index, operations, waitForRefresh) {
      return client.bulk({
        index,
        operations: operations as estypes.BulkRequest['operations'],
        ...(waitForRefresh ? { refresh: 'wait_for' as const } : {}),
      });
    },
    async deleteDoc(index, id, waitForRefresh) {
      const response = await client.delete(
        { index, id, ...(waitForRefresh ? { refresh: 'wait_for' as const } : {}) },
        { ...ignoreMissing, meta: true },
      );
      return response.statusCode !== 404;
    },
    async search(index, body) {
      return client.search({ index, ...(body as Omit<estypes.SearchRequest, 'index'>) });
    },
    async deleteIndex(name) {
      await client.indices.delete({ index: name }, ignoreMissing);
    },
    async refresh(index) {
      await client.indices.refresh({ index });
    },
    async ping() {
      return client.ping();
    },
    async close() {
      await client.close();
    },
  };
  return createEngine('elasticsearch', ops, options);
}
