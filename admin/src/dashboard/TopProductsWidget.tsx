import { Link } from 'react-admin';
import { formatMoney } from '../money/money';
import { type TopProducts, useAnalytics } from './analytics';
import { FiguresTable } from './FiguresTable';
import { Widget } from './Widget';

export function TopProductsWidget({ range }: { range: { from: string; to: string } }) {
  const top = useAnalytics<TopProducts>('products', { ...range, by: 'revenue', limit: 8 });
  const currency = top.data?.currency ?? 'EUR';
  return (
    <Widget title="Top products" pending={top.isPending} error={top.error}>
      {top.data?.products.length ? (
        <FiguresTable
          caption="Top products by revenue"
          rows={top.data.products}
          rowKey={(p) => String(p.productId)}
          columns={[
            { label: 'Product', value: (p) => <Link to={`/products/${p.productId}`}>{p.title}</Link> },
            { label: 'Units', value: (p) => p.units, numeric: true },
            { label: 'Revenue', value: (p) => formatMoney(p.revenueAmount, currency), numeric: true },
          ]}
        />
      ) : (
        'Nothing sold in this range.'
      )}
    </Widget>
  );
}
