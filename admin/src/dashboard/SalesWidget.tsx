import { Box, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { formatMoney } from '../money/money';
import { type Customers, type Sales, useAnalytics } from './analytics';
import { FiguresTable } from './FiguresTable';
import { SalesSummary } from './SalesSummary';
import { Widget } from './Widget';

const RevenueChart = lazy(() => import('./RevenueChart'));

export function SalesWidget({ range }: { range: { from: string; to: string } }) {
  const sales = useAnalytics<Sales>('sales', range);
  const customers = useAnalytics<Customers>('customers', range);
  return (
    <Widget title="Sales" pending={sales.isPending} error={sales.error}>
      {sales.data ? (
        <>
          <SalesSummary sales={sales.data} customers={customers.data} />
          <Box sx={{ mt: 2 }}>
            <Typography variant="body2" color="text.secondary" component="h3">
              Net revenue and orders per day (UTC), {sales.data.from} to {sales.data.to}
            </Typography>
            <Suspense fallback={<Box sx={{ height: 260 }} />}>
              <RevenueChart sales={sales.data} />
            </Suspense>
            <Box component="details" sx={{ mt: 1 }}>
              <Typography component="summary" variant="body2" sx={{ cursor: 'pointer' }}>
                Figures per day
              </Typography>
              <FiguresTable
                caption="Net revenue and orders per day"
                rows={sales.data.days}
                rowKey={(day) => day.date}
                columns={[
                  { label: 'Day (UTC)', value: (day) => day.date },
                  { label: 'Orders', value: (day) => day.orders, numeric: true },
                  {
                    label: 'Net revenue',
                    value: (day) => formatMoney(day.netAmount, sales.data.currency),
                    numeric: true,
                  },
                ]}
              />
            </Box>
          </Box>
        </>
      ) : null}
    </Widget>
  );
}
