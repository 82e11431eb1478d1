import type { SearchEngineConfig } from './config';
import { createElasticsearchEngine } from './elasticsearch';
import { createMemorySearchEngine } from './memory';
import { createOpenSearchEngine } from './opensearch';
import type { SearchEngine } from './port';
import type { QueryBuilderOptions } from './query-builder';

export type * from './port';
export type { RemoteSearchEngineConfig, SearchEngineConfig } from './config';
export { SearchEngineError, SearchBulkError, type BulkFailure } from './errors';
export { productIndexDefinition, type ProductIndexOptions } from './mapping';
export {
  buildSearchRequest,
  PRICE_RANGES,
  RATING_MINIMUMS,
  TEXT_FIELDS,
  type QueryBuilderOptions,
} from './query-builder';
export { SEARCH_SORTS } from './port';
export { createElasticsearchEngine, createMemorySearchEngine, createOpenSearchEngine };
export { buildProductDocuments } from './documents';

/** The search port for the configured engine. */
export function createSearchEngine(
  config: SearchEngineConfig,
  options: QueryBuilderOptions = {},
): SearchEngine {
  switch (config.kind) {
    case 'opensearch':
      return createOpenSearchEngine(config, options);
    case 'elasticsearch':
      return createElasticsearchEngine(config, options);
    case 'memory':
      return createMemorySearchEngine(options);
  }
}
