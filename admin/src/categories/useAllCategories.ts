import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AdminCategory } from '../data/types';

/** The API's largest page (api/routes/admin/simple-rest.ts MAX_PAGE_SIZE). */
const PAGE = 100;

/**
 * Every category, page by page (a tree cannot be paged: a child may sort onto another page than its parent). Read
 * afresh each time the screen opens, so it shows the edit just saved.
 */
export function useAllCategories() {
  const dataProvider = useDataProvider();
  return useQuery({
    queryKey: ['categories', 'all'],
    refetchOnMount: 'always',
    queryFn: async () => {
      const all: AdminCategory[] = [];
      for (let page = 1; ; page += 1) {
        const { data, total } = await dataProvider.getList<AdminCategory>('categories', {
          pagination: { page, perPage: PAGE },
          sort: { field: 'id', order: 'ASC' },
          filter: {},
        });
        all.push(...data);
        if (data.length < PAGE || (total !== undefined && all.length >= total)) return all;
      }
    },
  });
}
