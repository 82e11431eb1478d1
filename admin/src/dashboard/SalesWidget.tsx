import { Box, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { type Customers, type Sales, useAnalytics } from './analytics';
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
          </Box>
        </>
      ) : null}
    </Widget>
  );
}
