import {
  productIndexDefinition,
  SearchEngineError,
  type SearchQuery,
  type SearchResult,
} from '@market/adapters';
import { searchProductsInSql } from '@market/adapters/search/sql';
import type { AppDeps } from '../deps';

/**
 * Product search through the configured engine (the alias in `config.search.index`): Elasticsearch/OpenSearch, or
 * the embedded default's in-process index. Only deps built without any engine (`search: null`: some tests and
 * benches) fall back to SQL LIKE, which has no typo tolerance — a last resort no configuration selects.
 *
 * A fresh deployment has no index until the first catalog sync creates it: the engine answers 404, which would
 * be a 500 for every listing. The alias is created then (empty, as the catalog sync would; a concurrent creation
 * counts as success) and the search asked again, so an empty shop lists no products instead of failing.
 */
export async function searchProducts(
  deps: Pick<AppDeps, 'search' | 'config' | 'db'>,
  query: SearchQuery,
): Promise<SearchResult> {
  const { search, config } = deps;
  if (!search || !config.search) return searchProductsInSql(deps.db, query);
  const alias = config.search.index;
  try {
    return await search.search(alias, query);
  } catch (err) {
    if (!(err instanceof SearchEngineError && err.isNotFound)) throw err;
    await search.ensureIndex(alias, productIndexDefinition());
    return search.search(alias, query);
  }
}
