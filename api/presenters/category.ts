import type { Category } from '@market/db';

export interface PresentedCategoryNode {
  id: number;
  slug: string;
  name: string;
  /** Active products in this category and every descendant. */
  productCount: number;
  children: PresentedCategoryNode[];
}

/**
 * The category forest, siblings by position then name, each node counting the products of its whole subtree.
 * `directCounts` holds the products whose own category is the key.
 */
export function presentCategoryTree(
  categories: readonly Category[],
  directCounts: ReadonlyMap<number, number>,
): PresentedCategoryNode[] {
  const childrenOf = new Map<number | null, Category[]>();
  const ids = new Set(categories.map((c) => c.id));
  for (const category of categories) {
    // A parent that does not exist makes a root rather than a lost branch.
    const parent = category.parentId !== null && ids.has(category.parentId) ? category.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), category]);
  }
  const seen = new Set<number>();
  const build = (category: Category): PresentedCategoryNode => {
    seen.add(category.id);
    const children = sorted(childrenOf.get(category.id) ?? [])
      .filter((child) => !seen.has(child.id))
      .map(build);
    return {
      id: category.id,
      slug: category.slug,
      name: category.name,
      productCount:
        (directCounts.get(category.id) ?? 0) + children.reduce((sum, c) => sum + c.productCount, 0),
      children,
    };
  };
  return sorted(childrenOf.get(null) ?? []).map(build);
}

const sorted = (categories: Category[]) =>
  [...categories].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name) || a.id - b.id);
