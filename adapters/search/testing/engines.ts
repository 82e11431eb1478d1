import { randomUUID } from 'node:crypto';
import { createElasticsearchEngine } from '../elasticsearch';
import { createMemorySearchEngine } from '../memory';
import { createOpenSearchEngine } from '../opensearch';
import { productIndexDefinition } from '../mapping';
import type { ProductDocument, SearchEngine } from '../port';
import { startEsCompatProxy } from './es-compat-proxy';
import { asIndexed } from './products';

/** The OpenSearch of the test stack (`scripts/stack.sh env`). */
export function opensearchTestUrl(): string {
  const url = process.env.MARKET_TEST_OPENSEARCH_URL;
  if (!url) {
    throw new Error(
      'MARKET_TEST_OPENSEARCH_URL is not set: run the tests with `npm test`, or `npm run stack up` and ' +
        '`eval "$(bash scripts/stack.sh env)"` first',
    );
  }
  return url;
}

export interface TestEngine {
  engine: SearchEngine;
  close(): Promise<void>;
}

/**
 * Every adapter: both clients against the one real engine here (OpenSearch directly, and the Elasticsearch client
 * through the compatibility proxy, see es-compat-proxy.ts), and the embedded default's in-process index, which
 * must behave the same. For `describe.each(testEngines)`.
 */
export const testEngines: [name: string, start: () => Promise<TestEngine>][] = [
  [
    'opensearch',
    async () => {
      const engine = createOpenSearchEngine({ kind: 'opensearch', url: opensearchTestUrl() });
      return { engine, close: () => engine.close() };
    },
  ],
  [
    'elasticsearch (through the compatibility proxy)',
    async () => {
      const proxy = await startEsCompatProxy({ target: opensearchTestUrl() });
      const engine = createElasticsearchEngine({ kind: 'elasticsearch', url: proxy.url });
      return {
        engine,
        close: async () => {
          await engine.close();
          await proxy.close();
        },
      };
    },
  ],
  [
    'memory (the embedded default)',
    async () => {
      const engine = createMemorySearchEngine();
      return { engine, close: () => engine.close() };
    },
  ],
];

/** A fresh index or alias name for one test: tests never share an index. */
export function uniqueIndexName(prefix = 'test-products'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A single-node test cluster: no replicas, so indices are green at once. */
export const testIndexDefinition = productIndexDefinition({ replicas: 0 });

export interface IndexedEngine {
  /** Set once the block's beforeAll has run. */
  engine: SearchEngine;
  alias: string;
  /** Indices deleted after the block: the alias's, and any a test adds. */
  created: Set<string>;
}

/**
 * Inside `describe.each(testEngines)`: before the block's tests, starts the engine and indexes `docs` under a fresh
 * alias; after them, deletes every index in `created` and stops the engine.
 */
export function indexedEngine(start: () => Promise<TestEngine>, docs: ProductDocument[]): IndexedEngine {
  const fixture = { alias: uniqueIndexName(), created: new Set<string>() } as IndexedEngine;
  let test: TestEngine | undefined;
  beforeAll(async () => {
    test = await start();
    const { engine } = test;
    fixture.engine = engine;
    await engine.ping();
    for (const index of await engine.ensureIndex(fixture.alias, testIndexDefinition))
      fixture.created.add(index);
    await engine.bulkIndex(fixture.alias, asIndexed(docs));
    await engine.refresh(fixture.alias);
  });
  afterAll(async () => {
    for (const index of fixture.created) await test?.engine.deleteIndex(index);
    await test?.close();
  });
  return fixture;
}
