import { QueryTypes } from 'sequelize';
import type { Database } from '@market/db';
import { categoryAncestry } from './documents';
import type { FacetCount, SearchHit, SearchQuery, SearchResult } from './port';
import { escapeHtml } from './text';
import { PRICE_RANGES, RATING_MINIMUMS, type QueryBuilderOptions, pageWindow } from './query-builder';

/**
 * The embedded default's search: the same SearchQuery → SearchResult as the engines, answered by SQL on SQLite or
 * MariaDB/MySQL. What differs, on purpose:
 * - `q` is split into words; every word must occur (case-insensitive LIKE, as a substring) in the title, the
 *   description or a tag name. No stemming beyond substrings ("shoe" finds "shoes", not the reverse) and no
 *   fuzziness: a typo finds nothing. Fine for a demo catalog; production uses the engine.
 * - Relevance is a simple score per word: 3 for a title match, 2 for a tag, 1 for the description — so a title
 *   match ranks before a description-only match, then newest first.
 * - Highlights mark the words in the title and in a ~160-character description fragment, HTML-escaped.
 * Filters, sorts, facets (same buckets, counted over the filtered result, categories rolled up to ancestors) and
 * paging follow the engines.
 */
export async function searchProductsInSql(
  db: Database,
  query: SearchQuery,
  options: QueryBuilderOptions = {},
): Promise<SearchResult> {
  const words = wordsOf(query.q);
  const { clause, params } = whereClause(query, words);
  const run = <T extends object>(sql: string, replacements: unknown[]) =>
    db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });

  const { from, size } = pageWindow(query.page, query.pageSize);
  const score = scoreExpression(words);
  const hitsSql =
    `SELECT p.id AS id, p.title AS title, p.description AS description, ${score.sql} AS score ` +
    `FROM products p WHERE ${clause} ORDER BY ${orderBy(query, words)} LIMIT ${size} OFFSET ${from}`;

  const priceSums = PRICE_RANGES.map((range, i) => {
    const parts = [
      ...(range.from !== undefined ? [`p.price_amount >= ${range.from}`] : []),
      ...(range.to !== undefined ? [`p.price_amount < ${range.to}`] : []),
    ];
    return `SUM(CASE WHEN ${parts.join(' AND ') || '1 = 1'} THEN 1 ELSE 0 END) AS price_${i}`;
  });
  const ratingSums = RATING_MINIMUMS.map(
    (min) => `SUM(CASE WHEN p.rating_average >= ${min * 100} THEN 1 ELSE 0 END) AS rating_${min}`,
  );
  const summarySql = `SELECT COUNT(*) AS total, ${[...priceSums, ...ratingSums].join(', ')} FROM products p WHERE ${clause}`;

  const [hits, [summary], byCategory, byTag, categories] = await Promise.all([
    size > 0 ? run<HitRow>(hitsSql, [...score.params, ...params]) : Promise.resolve([]),
    run<Record<string, unknown>>(summarySql, params),
    run<{ key: number; count: unknown }>(
      `SELECT p.category_id AS \`key\`, COUNT(*) AS count FROM products p ` +
        `WHERE ${clause} AND p.category_id IS NOT NULL GROUP BY p.category_id`,
      params,
    ),
    run<{ key: string; count: unknown }>(
      `SELECT t.slug AS \`key\`, COUNT(*) AS count FROM products p ` +
        `JOIN product_tags pt ON pt.product_id = p.id JOIN tags t ON t.id = pt.tag_id ` +
        `WHERE ${clause} GROUP BY t.slug`,
      params,
    ),
    db.models.Category.findAll({ attributes: ['id', 'parentId'] }),
  ]);

  // A product counts once under its category and once under every ancestor, as the engines' categoryIds do.
  const ancestry = categoryAncestry(categories);
  const categoryCounts = new Map<number, number>();
  for (const row of byCategory) {
    for (const id of ancestry(Number(row.key))) {
      categoryCounts.set(id, (categoryCounts.get(id) ?? 0) + Number(row.count));
    }
  }

  return {
    total: Number(summary?.total ?? 0),
    hits: hits.map((row) => toHit(row, words, query)),
    facets: {
      categories: top(
        [...categoryCounts].map(([key, count]) => ({ key, count })),
        options.categoryFacetSize ?? 50,
      ),
      tags: top(
        byTag.map((row) => ({ key: String(row.key), count: Number(row.count) })),
        options.tagFacetSize ?? 30,
      ),
      priceRanges: PRICE_RANGES.map((range, i) => ({
        ...range,
        count: Number(summary?.[`price_${i}`] ?? 0),
      })),
      ratings: RATING_MINIMUMS.map((min) => ({ min, count: Number(summary?.[`rating_${min}`] ?? 0) })),
    },
  };
}

interface HitRow {
  id: number;
  title: string;
  description: string;
  score: unknown;
}

// `!` rather than a backslash: MariaDB reads '\\' in a string literal as one backslash, SQLite as two.
const ESCAPE = '!';

/** At most 10 words: enough for a product search, and it bounds the size of the SQL. */
function wordsOf(q: string | undefined): string[] {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return [...new Set(words)].slice(0, 10);
}

function containsPattern(word: string): string {
  return `%${word.replace(/[!%_]/g, (c) => ESCAPE + c)}%`;
}

const like = (expression: string) => `LOWER(${expression}) LIKE ? ESCAPE '${ESCAPE}'`;
const TAG_NAME_MATCH =
  `EXISTS (SELECT 1 FROM product_tags wt JOIN tags wtt ON wtt.id = wt.tag_id ` +
  `WHERE wt.product_id = p.id AND ${like('wtt.name')})`;

function whereClause(query: SearchQuery, words: string[]): { clause: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const statuses = [...(query.statuses ?? ['active'])];
  parts.push(`p.status IN (${statuses.map(() => '?').join(', ')})`);
  params.push(...statuses);
  for (const word of words) {
    const pattern = containsPattern(word);
    parts.push(`(${like('p.title')} OR ${like('p.description')} OR ${TAG_NAME_MATCH})`);
    params.push(pattern, pattern, pattern);
  }
  if (query.categoryIds?.length) {
    // As on the engines (whose documents carry every ancestor): a product in a descendant category matches.
    parts.push(`p.category_id IN (${categoryDescendantsSql(query.categoryIds.length)})`);
    params.push(...query.categoryIds);
  }
  for (const tag of new Set(query.tags ?? [])) {
    parts.push(
      `EXISTS (SELECT 1 FROM product_tags ft JOIN tags ftt ON ftt.id = ft.tag_id ` +
        `WHERE ft.product_id = p.id AND ftt.slug = ?)`,
    );
    params.push(tag);
  }
  if (query.minPrice !== undefined) {
    parts.push('p.price_amount >= ?');
    params.push(query.minPrice);
  }
  if (query.maxPrice !== undefined) {
    parts.push('p.price_amount <= ?');
    params.push(query.maxPrice);
  }
  if (query.minRating !== undefined) {
    // Unrated products (0) never match a rating filter, as on the engines.
    parts.push('p.rating_average >= ?');
    params.push(Math.max(1, Math.round(query.minRating * 100)));
  }
  if (query.inStock) {
    parts.push('EXISTS (SELECT 1 FROM inventory i WHERE i.product_id = p.id AND i.on_hand - i.reserved > 0)');
  }
  return { clause: parts.join(' AND '), params };
}

/**
 * The ids of the given categories and all their descendants, as a recursive CTE inside IN (…). Both SQLite 3.8.3+
 * and MariaDB 10.2+ support WITH RECURSIVE in a subquery. An empty list matches nothing (as an empty terms filter
 * on the engines would not, but the service never sends one).
 */
function categoryDescendantsSql(count: number): string {
  const seeds = Array.from({ length: count }, () => '?').join(', ');
  return (
    `WITH RECURSIVE tree(id) AS (SELECT c.id FROM categories c WHERE c.id IN (${seeds}) ` +
    `UNION SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree`
  );
}

function scoreExpression(words: string[]): { sql: string; params: unknown[] } {
  if (!words.length) return { sql: '0', params: [] };
  const terms: string[] = [];
  const params: unknown[] = [];
  for (const word of words) {
    const pattern = containsPattern(word);
    terms.push(
      `(CASE WHEN ${like('p.title')} THEN 3 ELSE 0 END)`,
      `(CASE WHEN ${TAG_NAME_MATCH} THEN 2 ELSE 0 END)`,
      `(CASE WHEN ${like('p.description')} THEN 1 ELSE 0 END)`,
    );
    params.push(pattern, pattern, pattern);
  }
  return { sql: `(${terms.join(' + ')})`, params };
}

/** Every order ends with the id, so equal values page deterministically (as the query builder's sorts). */
function orderBy(query: SearchQuery, words: string[]): string {
  switch (query.sort) {
    case 'relevance':
      return words.length ? 'score DESC, p.created_at DESC, p.id ASC' : 'p.created_at DESC, p.id ASC';
    case 'price_asc':
      return 'p.price_amount ASC, p.id ASC';
    case 'price_desc':
      return 'p.price_amount DESC, p.id ASC';
    case 'rating':
      return 'p.rating_average DESC, p.rating_count DESC, p.id ASC';
    case 'newest':
      return 'p.created_at DESC, p.id ASC';
  }
}

/** The engines' terms aggregations: biggest counts first, ties by key. */
function top<K extends string | number>(counts: FacetCount<K>[], size: number): FacetCount<K>[] {
  return counts
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, size);
}

function toHit(row: HitRow, words: string[], query: SearchQuery): SearchHit {
  const hit: SearchHit = {
    id: String(row.id),
    score: words.length && query.sort === 'relevance' ? Number(row.score) : null,
  };
  if (!words.length) return hit;
  const title = highlight(row.title, words);
  const description = highlight(fragment(row.description, words), words);
  if (title !== undefined || description !== undefined) {
    hit.highlight = {
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
    };
  }
  return hit;
}

const FRAGMENT_SIZE = 160;

/** ~160 characters of `text` around its first match, cut at spaces. */
function fragment(text: string, words: string[]): string {
  if (text.length <= FRAGMENT_SIZE) return text;
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), text.length);
  if (first === text.length) return text.slice(0, FRAGMENT_SIZE);
  let start = Math.max(0, first - FRAGMENT_SIZE / 4);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  return text.slice(start, start + FRAGMENT_SIZE).trim();
}

/** HTML-escaped `text` with `<mark>` around each word; undefined when no word occurs. */
function highlight(text: string, words: string[]): string | undefined {
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  let out = '';
  let last = 0;
  let found = false;
  for (const match of text.matchAll(pattern)) {
    if (!match[0]) continue;
    found = true;
    out += escapeHtml(text.slice(last, match.index)) + `<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return found ? out + escapeHtml(text.slice(last)) : undefined;
}
