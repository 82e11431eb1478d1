import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  AdminContext,
  type DataProvider,
  ResourceContextProvider,
  TestMemoryRouter,
  testDataProvider,
} from 'react-admin';
import type { AdminCategory } from '../data/types';
import { i18nProvider } from '../i18n';
import { CategoryList } from './CategoryList';

afterEach(cleanup);

const category = (id: number, name: string, parentId: number | null = null): AdminCategory => ({
  id,
  parentId,
  name,
  slug: `c-${id}`,
  position: 0,
  createdAt: '',
  updatedAt: '',
});

describe('CategoryList', () => {
  test('reads every page, then shows the tree as nested lists of links to each edit screen', async () => {
    // 101 categories: the API pages by 100, and the only child's parent is on the second page.
    const filler = Array.from({ length: 99 }, (_, i) =>
      category(i + 10, `Filler ${String(i).padStart(2, '0')}`),
    );
    const pages = [[category(1, 'Mugs', 200), ...filler], [category(200, 'Kitchen')]];
    const getList = vi.fn(async (_resource: string, { pagination }: { pagination: { page: number } }) => ({
      data: pages[pagination.page - 1] ?? [],
      total: 101,
    }));
    render(
      <TestMemoryRouter>
        <AdminContext
          dataProvider={{ ...testDataProvider(), getList: getList as DataProvider['getList'] }}
          i18nProvider={i18nProvider}
        >
          <ResourceContextProvider value="categories">
            <CategoryList />
          </ResourceContextProvider>
        </AdminContext>
      </TestMemoryRouter>,
    );
    const kitchen = await screen.findByRole('link', { name: 'Kitchen' });
    expect(getList).toHaveBeenCalledTimes(2);
    expect(getList.mock.calls.map(([, params]) => params.pagination)).toEqual([
      { page: 1, perPage: 100 },
      { page: 2, perPage: 100 },
    ]);
    expect(kitchen.getAttribute('href')).toBe('/categories/200');
    // Mugs sits in a list inside Kitchen's item.
    const item = kitchen.closest('li')!;
    expect(within(within(item).getByRole('list')).getByRole('link', { name: 'Mugs' })).toBeTruthy();
    // Roots by name: Filler 00 … Filler 98, then Kitchen.
    const tree = screen.getByRole('region', { name: 'Category tree' });
    const roots = within(tree).getAllByRole('list')[0]!;
    const rootNames = [...roots.children].map((li) => li.querySelector('a')!.textContent);
    expect(rootNames.at(0)).toBe('Filler 00');
    expect(rootNames.at(-1)).toBe('Kitchen');
    expect(rootNames).toHaveLength(100);
  });
});
