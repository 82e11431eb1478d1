import type { AdminCategory } from '../data/types';

export interface CategoryNode {
  category: AdminCategory;
  children: CategoryNode[];
}

const byName = (a: CategoryNode, b: CategoryNode) =>
  a.category.name.localeCompare(b.category.name, undefined, { sensitivity: 'base' }) ||
  a.category.id - b.category.id;

/**
 * The flat list as a forest: each category under its parent, siblings sorted by name (then id). A category whose
 * parent is not in the list is shown as a root rather than lost; so is one caught in a loop (the API refuses
 * cycles, but a tree drawn from bad data must still end).
 */
export function buildCategoryTree(categories: readonly AdminCategory[]): CategoryNode[] {
  const nodes = new Map(
    categories.map((category) => [category.id, { category, children: [] as CategoryNode[] }]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.category.parentId === null ? undefined : nodes.get(node.category.parentId);
    if (parent && !isAncestor(nodes, node.category.id, parent.category)) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: CategoryNode[]) => {
    list.sort(byName);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Whether `id` is `from` or one of its ancestors (walking up from `from`, each category once). */
function isAncestor(nodes: Map<number, CategoryNode>, id: number, from: AdminCategory): boolean {
  const seen = new Set<number>();
  for (let at: AdminCategory | undefined = from; at && !seen.has(at.id);) {
    if (at.id === id) return true;
    seen.add(at.id);
    at = at.parentId === null ? undefined : nodes.get(at.parentId)?.category;
  }
  return false;
}
