import { useTheme } from '@mui/material';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, toDecimal } from '../money/money';
import type { CategoryRevenue } from './analytics';

/** Revenue by top-level category, largest first (lazy-loaded with recharts; the table beside it has the figures). */
export default function CategoryChart({ data }: { data: CategoryRevenue }) {
  const theme = useTheme();
  const rows = data.categories.slice(0, 8).map((c) => ({
    name: c.name ?? 'No category',
    revenue: Number(toDecimal(c.revenueAmount, data.currency)),
    revenueMinor: c.revenueAmount,
  }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 32)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="name" width={130} />
        <Tooltip
          formatter={(_value, _name, item) =>
            formatMoney((item.payload as { revenueMinor: number }).revenueMinor, data.currency)
          }
        />
        <Bar dataKey="revenue" name="Revenue" fill={theme.palette.primary.light} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
