import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Title, usePermissions } from 'react-admin';
import { type Permissions, seesSales } from '../auth/access';
import { CategoriesWidget } from './CategoriesWidget';
import { OpenOrdersWidget } from './OpenOrdersWidget';
import { lastDays, RANGES, type RangeDays } from './range';
import { SalesWidget } from './SalesWidget';
import { TopProductsWidget } from './TopProductsWidget';

/**
 * The home screen: sales, top products and revenue by category for a chosen range (admins), and the open-order
 * backlog (admins and support). Every figure is an aggregate the API computes in SQL (docs/analytics.md).
 */
export function Dashboard() {
  const { permissions } = usePermissions<Permissions | undefined>();
  const [days, setDays] = useState<RangeDays>(30);
  const range = useMemo(() => lastDays(days), [days]);
  const admin = seesSales(permissions);
  return (
    <Box sx={{ p: 2 }}>
      <Title title="Dashboard" />
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 2, gap: 2 }}>
        <Typography variant="h5" component="h1">
          Dashboard
        </Typography>
        {admin ? (
          <ToggleButtonGroup
            size="small"
            exclusive
            value={days}
            onChange={(_event, value: RangeDays | null) => value && setDays(value)}
            aria-label="Range"
          >
            {RANGES.map((n) => (
              <ToggleButton key={n} value={n}>
                Last {n} days
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        ) : null}
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' } }}>
        {admin ? <SalesWidget range={range} /> : null}
        <OpenOrdersWidget />
        {admin ? <TopProductsWidget range={range} /> : null}
        {admin ? <CategoriesWidget range={range} /> : null}
      </Box>
    </Box>
  );
}
