import { setImmediate as nextTurn } from 'node:timers/promises';
import { assertIndexName } from './engine';
import { type BulkFailure, SearchBulkError, SearchEngineError } from './errors';
import { MemoryIndex } from './memory-index';
import { searchIndex } from './memory-query';
import type { IndexDefinition, SearchEngine } from './port';
import type { QueryBuilderOptions } from './query-builder';

/**
 * The embedded default's search engine: indices and aliases held in this process's memory, with the engines'
 * semantics (typo tolerance, relevance, filters, facets, sorts, highlights; see README.md). Nothing is persisted:
 * the owner fills it from the database at boot, and the catalog-sync activities keep it in step as they do an
 * engine's index.
 *
 * Every operation is synchronous inside, so each is atomic: a search never sees half a bulk write or an alias
 * between two indices. Writes are visible at once (`refresh` and `waitForRefresh` have nothing to wait for).
 */
export function createMemorySearchEngine(options: QueryBuilderOptions = {}): SearchEngine {
  const indices = new Map<string, MemoryIndex>();
  /** Alias → the index it points at: through this port an alias always points at exactly one. */
  const aliases = new Map<string, string>();

  const notFound = (name: string) =>
    new SearchEngineError(`no such index [${name}]`, 404, 'index_not_found_exception');

  function targets(alias: string): string[] {
    const target = aliases.get(alias);
    return target === undefined ? [] : [target];
  }

  /** The index behind a name: itself when it is an index, else its alias's; a 404 for neither. */
  function resolve(name: string): MemoryIndex {
    assertIndexName(name);
    const index = indices.get(name) ?? indices.get(aliases.get(name) ?? '');
    if (!index) throw notFound(name);
    return index;
  }

  function create(name: string, definition: IndexDefinition): void {
    assertIndexName(name);
    if (indices.has(name) || aliases.has(name)) {
      throw new SearchEngineError(`index [${name}] already exists`, 400, 'resource_already_exists_exception');
    }
    const { dynamic, properties } = definition.mappings as {
      dynamic?: unknown;
      properties?: Record<string, unknown>;
    };
    indices.set(name, new MemoryIndex(dynamic === 'strict' ? new Set(Object.keys(properties ?? {})) : null));
  }

  return {
    kind: 'memory',

    async ensureIndex(alias, definition) {
      assertIndexName(alias);
      const current = targets(alias);
      if (current.length) return current;
      const initial = `${alias}-initial`;
      // Not awaited in between: a concurrent caller finds what this one created.
      if (!indices.has(initial)) create(initial, definition);
      aliases.set(alias, initial);
      return targets(alias);
    },

    async createIndex(name, definition) {
      create(name, definition);
    },

    async aliasTargets(alias) {
      assertIndexName(alias);
      return targets(alias);
    },

    async swapAlias(alias, newIndex) {
      assertIndexName(alias);
      assertIndexName(newIndex);
      if (!indices.has(newIndex)) throw notFound(newIndex);
      const old = targets(alias).filter((index) => index !== newIndex);
      aliases.set(alias, newIndex);
      return old;
    },

    async bulkIndex(indexOrAlias, docs) {
      const index = resolve(indexOrAlias);
      const failures: BulkFailure[] = [];
      for (const { id, doc } of docs) {
        const stray = index.fields && Object.keys(doc).find((field) => !index.fields!.has(field));
        if (stray) {
          failures.push({
            id,
            status: 400,
            type: 'strict_dynamic_mapping_exception',
            reason: `mapping set to strict, dynamic introduction of [${stray}] within [_doc] is not allowed`,
          });
          continue;
        }
        index.put(id, doc);
      }
      if (failures.length) throw new SearchBulkError(failures);
    },

    async deleteDoc(indexOrAlias, id) {
      return resolve(indexOrAlias).remove(id);
    },

    async search(indexOrAlias, query) {
      // A search is CPU only: yield first, so a loop of searches cannot starve timers and I/O.
      await nextTurn();
      return searchIndex(resolve(indexOrAlias), query, options);
    },

    async deleteIndex(name) {
      assertIndexName(name);
      indices.delete(name);
      for (const [alias, target] of aliases) if (target === name) aliases.delete(alias);
    },

    async refresh(indexOrAlias) {
      resolve(indexOrAlias);
    },

    async ping() {},

    async close() {},
  };
}
