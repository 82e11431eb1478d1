/**
 * The embedded default's search index (no SEARCH_URL): how long `npm start` takes to build it from the database,
 * how much memory it holds, and how fast it answers — on a scratch SQLite database seeded with N demo products.
 * Needs no service stack.
 *
 *   node --expose-gc --import tsx --conditions=source bench/embedded-search.ts [--products 10000] [--queries 500]
 *
 * Prints Markdown for docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildProductDocuments,
  createMemorySearchEngine,
  type IndexedDocument,
  productIndexDefinition,
  type SearchEngine,
} from '@market/adapters';
import { searchProductsInSql } from '@market/adapters/search/sql';
import { createDatabase, seedDemoCatalog } from '@market/db';
import { createLogger } from '../api/logger';
import { MemoryCache } from '../api/services/cache';
import { createEmbeddedSearch } from '../api/services/embedded-search';
import { measureSearchLatency } from './search-latency';
import { shuffle, titleWords } from './support';

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '500' },
  },
});
const PRODUCTS = Number(values.products);
const QUERIES = Number(values.queries);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (see the header)');
const log = (message: string) => console.error(`[bench] ${message}`);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** A typo: two neighbouring letters swapped (one edit for the engines' fuzziness). */
const swapped = (word: string) => `${word.slice(0, 1)}${word[2]}${word[1]}${word.slice(3)}`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'market-bench-embedded-'));
  const db = createDatabase({ kind: 'sqlite', path: path.join(dir, 'market.sqlite') });
  try {
    await db.migrate();
    log(`seeding ${PRODUCTS} products…`);
    await seedDemoCatalog(db, { products: PRODUCTS });

    // 1. What `npm start` does at boot: read every product's document from SQLite and index it.
    const boot = createEmbeddedSearch(createMemorySearchEngine(), {
      db,
      cache: new MemoryCache(),
      log: createLogger({ level: 'silent' }),
      alias: 'products',
      followCatalogGeneration: false,
    });
    const bootRuns: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await boot.load();
      bootRuns.push(performance.now() - started);
    }

    // 2. The index alone: documents already in memory, into a fresh engine; and the heap it holds.
    const documents: IndexedDocument[] = [];
    for (let from = 0; from < PRODUCTS; from += 1_000) {
      const ids = Array.from({ length: Math.min(1_000, PRODUCTS - from) }, (_, i) => from + i + 1);
      documents.push(...(await buildProductDocuments(db, ids)).documents);
    }
    const before = heap();
    const engine = createMemorySearchEngine();
    const started = performance.now();
    await engine.createIndex('products-bench', productIndexDefinition());
    await engine.bulkIndex('products-bench', documents);
    const indexMs = performance.now() - started;
    const held = heap() - before;
    // The whole process (SQLite, Sequelize, the boot engine and this one): for scale, not the index alone.
    const rss = process.memoryUsage().rss;

    // 3. Latency, one query at a time (the same shape as bench/catalog.ts's engine figures), plus typos.
    const { Product, Category } = db.models;
    const active = await Product.findAll({ attributes: ['title'], where: { status: 'active' }, raw: true });
    const words = titleWords(active);
    const leafIds = (await Category.findAll({ attributes: ['id', 'parentId'], raw: true }))
      .filter((c) => c.parentId !== null)
      .map((c) => c.id);
    const cycle = <T>(items: T[]) => {
      let i = 0;
      return () => items[i++ % items.length]!;
    };
    const latency = await measureSearchLatency(boot, 'products', QUERIES, {
      word: cycle(words),
      categoryId: cycle(shuffle(leafIds)),
    });
    const typos = await measureSearchLatency(boot, 'products', QUERIES, {
      word: cycle(words.map(swapped)),
      categoryId: cycle(shuffle(leafIds)),
    });
    const twoWords = await measureSearchLatency(boot, 'products', QUERIES, {
      word: (() => {
        const next = cycle(words);
        return () => `${next()} ${swapped(next())}`;
      })(),
      categoryId: cycle(shuffle(leafIds)),
    });

    // The embedded default before this index: SQL LIKE on the same SQLite file (no typo tolerance).
    const sql = { search: (_alias, q) => searchProductsInSql(db, q) } as Pick<SearchEngine, 'search'>;
    const likeSql = await measureSearchLatency(sql as SearchEngine, 'products', Math.min(QUERIES, 200), {
      word: cycle(words),
      categoryId: cycle(shuffle(leafIds)),
    });

    const pct = (samples: number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const at = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
      return `${sorted.length} | ${at(0.5)} | ${at(0.95)} | ${at(0.99)} | ${sorted.at(-1)!.toFixed(1)}`;
    };
    const ms = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
    console.log(
      [
        `N = ${PRODUCTS} products (${active.length} active), Node ${process.version}, ${os.cpus().length} cores`,
        '',
        '| Build | ms |',
        '| --- | ---: |',
        `| boot build from SQLite (read documents + index), 3 runs | ${ms(bootRuns)} |`,
        `| index only (documents already in memory) | ${Math.round(indexMs)} |`,
        '',
        '| Memory | MB |',
        '| --- | ---: |',
        `| heap held by the index (after GC) | ${mb(held)} |`,
        `| RSS of the whole benchmark process, two indices held | ${mb(rss)} |`,
        '',
        '| SearchEngine.search (memory) | queries | p50 ms | p95 ms | p99 ms | max ms |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        `| full text (\`q\`, one word, varied) | ${pct(latency.text)} |`,
        `| full text, one typo (two letters swapped) | ${pct(typos.text)} |`,
        `| full text, two words, the second with a typo | ${pct(twoWords.text)} |`,
        `| category + price + inStock | ${pct(latency.filtered)} |`,
        `| *before: SQL LIKE on SQLite, full text (one word)* | ${pct(likeSql.text)} |`,
        `| *before: SQL LIKE on SQLite, category + price + inStock* | ${pct(likeSql.filtered)} |`,
      ].join('\n'),
    );
    await engine.close();
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
