import { Typography } from '@mui/material';
import { type FieldProps, useRecordContext } from 'react-admin';
import { formatMoney } from './money';

interface MoneyFieldProps extends FieldProps {
  source: string;
  /** The record field holding the ISO 4217 code; `currency` by default. */
  currencySource?: string;
}

/** An amount in minor units, shown in the record's currency: `totalAmount` 1999 + `currency` EUR → €19.99. */
export function MoneyField({ source, currencySource = 'currency' }: MoneyFieldProps) {
  const record = useRecordContext();
  const amount: unknown = record?.[source];
  const currency: unknown = record?.[currencySource];
  if (typeof amount !== 'number' || typeof currency !== 'string') return null;
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(amount, currency)}
    </Typography>
  );
}
