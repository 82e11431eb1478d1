import type { APIRequestContext } from '@playwright/test';

export interface ListedProduct {
  id: number;
  slug: string;
  title: string;
  availability: string;
}

/**
 * Products that are well in stock, read from the public API, each test taking its own slice so tests never buy
 * each other's last units.
 */
export async function productsInStock(request: APIRequestContext): Promise<ListedProduct[]> {
  const res = await request.get('/api/products?inStock=true&sort=newest&pageSize=100');
  if (!res.ok()) throw new Error(`GET /api/products answered ${res.status()}`);
  const body = (await res.json()) as { items: ListedProduct[] };
  return body.items.filter((p) => p.availability === 'in_stock');
}

/** Swaps two inner letters of the title's longest word: a typo the search engine must forgive. */
export function typoOf(title: string): { word: string; typo: string } {
  const word = title
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]{6,}$/.test(w))
    .sort((a, b) => b.length - a.length)[0];
  if (!word) throw new Error(`no long word in "${title}"`);
  const chars = [...word.toLowerCase()];
  [chars[2], chars[3]] = [chars[3]!, chars[2]!];
  return { word, typo: chars.join('') };
}
