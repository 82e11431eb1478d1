import { Client, type API } from '@opensearch-project/opensearch';
import { createEngine, type EngineClient } from './engine';
import type { SearchEngine } from './port';
import type { QueryBuilderOptions } from './query-builder';
import type { RemoteSearchEngineConfig } from './config';

/** The search port on OpenSearch 2.x/3.x with the official client (`@opensearch-project/opensearch`). */
export function createOpenSearchEngine(
  config: RemoteSearchEngineConfig,
  options: QueryBuilderOptions = {},
): SearchEngine {
  const client = new Client({
    node: config.url,
    ...(config.username !== undefined
      ? { auth: { username: config.username, password: config.password ?? '' } }
      : {}),
    requestTimeout: config.requestTimeoutMs ?? 10_000,
    maxRetries: config.maxRetries ?? 2,
  });
  const ignoreMissing = { ignore: [404] };

  const ops: EngineClient = {
    async createIndex(name, definition) {
      // The generated request types are stricter than the JSON we build: the shapes are checked by the tests.
      await client.indices.create({ index: name, body: definition as API.Indices_Create_RequestBody });
    },
    async getAlias(alias) {
      const response = await client.indices.getAlias({ name: alias }, ignoreMissing);
      return response.statusCode === 404 ? {} : (response.body as Record<string, unknown>);
    },
    async updateAliases(actions) {
      await client.indices.updateAliases({
        body: { actions } as API.Indices_UpdateAliases_RequestBody,
      });
    },
    async bulk(index, operations, waitForRefresh) {
      const response = await client.bulk({
        index,
        body: operations as API.Bulk_RequestBody,
        ...(waitForRefresh ? { refresh: 'wait_for' as const } : {}),
      });
      return response.body;
    },
    async deleteDoc(index, id, waitForRefresh) {
      const response = await client.delete(
        { index, id, ...(waitForRefresh ? { refresh: 'wait_for' as const } : {}) },
        ignoreMissing,
      );
      return response.statusCode !== 404;
    },
    async search(index, body) {
      const response = await client.search({ index, body: body as API.Search_RequestBody });
      return response.body;
    },
    async deleteIndex(name) {
      await client.indices.delete({ index: name }, ignoreMissing);
    },
    async refresh(index) {
      await client.indices.refresh({ index });
    },
    async ping() {
      const response = await client.ping();
      return response.body === true;
    },
    async close() {
      await client.close();
    },
  };
  return createEngine('opensearch', ops, options);
}
