import { describe, expect, test } from 'vitest';
import type { AdminCategory } from '../data/types';
import { buildCategoryTree, type CategoryNode } from './categoryTree';

const category = (id: number, name: string, parentId: number | null = null): AdminCategory => ({
  id,
  parentId,
  name,
  slug: name.toLowerCase(),
  position: 0,
  createdAt: '',
  updatedAt: '',
});

/** The tree as [name, children] pairs, easy to compare. */
type Shape = [string, Shape[]];
const shape = (nodes: CategoryNode[]): Shape[] =>
  nodes.map((node) => [node.category.name, shape(node.children)]);

describe('buildCategoryTree', () => {
  test('flat list → nested under each parent, siblings sorted by name at every level', () => {
    const tree = buildCategoryTree([
      category(5, 'Teapots', 2),
      category(1, 'Kitchen'),
      category(2, 'cups', 1),
      category(3, 'Bowls', 1),
      category(4, 'Garden'),
      category(6, 'Mugs', 2),
      category(7, 'Espresso', 2),
    ]);
    expect(shape(tree)).toEqual([
      ['Garden', []],
      [
        'Kitchen',
        [
          ['Bowls', []],
          [
            'cups',
            [
              ['Espresso', []],
              ['Mugs', []],
              ['Teapots', []],
            ],
          ],
        ],
      ],
    ]);
    expect(tree[1]!.children[1]!.category.id).toBe(2);
  });

  test('same names keep a stable order by id; empty list, empty tree', () => {
    expect(buildCategoryTree([category(9, 'Sale'), category(3, 'sale')]).map((n) => n.category.id)).toEqual([
      3, 9,
    ]);
    expect(buildCategoryTree([])).toEqual([]);
  });

  test('a category whose parent is missing, or a loop, still shows (as a root) and the build ends', () => {
    const tree = buildCategoryTree([
      category(1, 'Orphan', 99),
      category(2, 'A', 3),
      category(3, 'B', 2),
      category(4, 'Self', 4),
    ]);
    const names = (nodes: CategoryNode[]): string[] =>
      nodes.flatMap((node) => [node.category.name, ...names(node.children)]);
    expect(names(tree).sort()).toEqual(['A', 'B', 'Orphan', 'Self']);
    expect(tree.map((node) => node.category.name)).toContain('Orphan');
    expect(tree.map((node) => node.category.name)).toContain('Self');
  });
});
