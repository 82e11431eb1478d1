import { useTheme } from '@mui/material';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney, toDecimal } from '../money/money';
import type { Sales } from './analytics';

/**
 * Net revenue (bars) and orders (line) per UTC day. Loaded on its own (React.lazy), so recharts is fetched only when
 * the dashboard is shown. The same figures are in the table beside it for screen readers. No animation: figures
 * for work, drawn at once.
 */
export default function RevenueChart({ sales }: { sales: Sales }) {
  const theme = useTheme();
  const data = sales.days.map((day) => ({
    date: day.date.slice(5),
    revenue: Number(toDecimal(day.netAmount, sales.currency)),
    revenueMinor: day.netAmount,
    orders: day.orders,
  }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" minTickGap={16} />
        <YAxis yAxisId="revenue" tickFormatter={(v: number) => String(Math.round(v))} />
        <YAxis yAxisId="orders" orientation="right" allowDecimals={false} />
        <Tooltip
          formatter={(value, name, item) =>
            name === 'Net revenue'
              ? formatMoney((item.payload as { revenueMinor: number }).revenueMinor, sales.currency)
              : String(value)
          }
        />
        <Legend />
        <Bar
          yAxisId="revenue"
          dataKey="revenue"
          name="Net revenue"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
        <Line
          yAxisId="orders"
          dataKey="orders"
          name="Orders"
          stroke={theme.palette.secondary.main}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
