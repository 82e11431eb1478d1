import { Box, Typography } from '@mui/material';
import { formatMoney } from '../money/money';
import type { Customers, Sales } from './analytics';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Box role="group" aria-label={label}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p">
        {value}
      </Typography>
    </Box>
  );
}

/** The range's headline figures, all computed by the API. */
export function SalesSummary({ sales, customers }: { sales: Sales; customers: Customers | undefined }) {
  const { totals, currency } = sales;
  const conversion = customers?.conversionRateBps;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fit, minmax(9rem, 1fr))' }}>
      <Figure label="Net revenue" value={formatMoney(totals.netAmount, currency)} />
      <Figure label="Orders" value={String(totals.orders)} />
      <Figure
        label="Average order"
        value={totals.averageOrderAmount === null ? '—' : formatMoney(totals.averageOrderAmount, currency)}
      />
      <Figure label="Refunded" value={formatMoney(totals.refundedAmount, currency)} />
      <Figure label="New customers" value={customers ? String(customers.newCustomers) : '—'} />
      <Figure
        label="Cart to order"
        value={conversion === null || conversion === undefined ? '—' : `${(conversion / 100).toFixed(1)} %`}
      />
    </Box>
  );
}
