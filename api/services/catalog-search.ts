import type { SearchQuery, SearchResult } from '@market/adapters';
import { searchProductsInSql } from '@market/adapters/search/sql';
import type { AppDeps } from '../deps';

/**
 * Product search through the configured engine (the alias in `config.search.index`), or through SQL on the embedded
 * default, which has no engine. Both answer the same SearchQuery with the same SearchResult.
 */
export function searchProducts(
  deps: Pick<AppDeps, 'search' | 'config' | 'db'>,
  query: SearchQuery,
): Promise<SearchResult> {
  if (deps.search && deps.config.search) return deps.search.search(deps.config.search.index, query);
  return searchProductsInSql(deps.db, query);
}
