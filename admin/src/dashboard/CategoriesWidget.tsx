import { lazy, Suspense } from 'react';
import { formatMoney } from '../money/money';
import { type CategoryRevenue, useAnalytics } from './analytics';
import { FiguresTable } from './FiguresTable';
import { Widget } from './Widget';

const CategoryChart = lazy(() => import('./CategoryChart'));

export function CategoriesWidget({ range }: { range: { from: string; to: string } }) {
  const revenue = useAnalytics<CategoryRevenue>('categories', { ...range, level: 'root' });
  const data = revenue.data;
  return (
    <Widget title="Revenue by category" pending={revenue.isPending} error={revenue.error}>
      {data?.categories.length ? (
        <>
          <Suspense fallback={null}>
            <CategoryChart data={data} />
          </Suspense>
          <FiguresTable
            caption="Revenue by top-level category"
            rows={data.categories}
            rowKey={(c) => String(c.categoryId)}
            columns={[
              { label: 'Category', value: (c) => c.name ?? 'No category' },
              { label: 'Units', value: (c) => c.units, numeric: true },
              { label: 'Revenue', value: (c) => formatMoney(c.revenueAmount, data.currency), numeric: true },
            ]}
          />
        </>
      ) : (
        'Nothing sold in this range.'
      )}
    </Widget>
  );
}
