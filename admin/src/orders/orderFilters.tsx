import { DateInput, SearchInput, SelectInput, TextInput } from 'react-admin';
import { choicesOf } from '../common/choices';
import { ORDER_STATUSES } from '../data/types';

/** The filters GET /api/admin/orders takes: q, status, customer, from, to (dates are whole UTC days). */
export const orderFilters = [
  <SearchInput key="q" source="q" placeholder="Order number or email" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(ORDER_STATUSES)} alwaysOn />,
  <TextInput key="customer" source="customer" label="Customer" helperText="A user id or a whole email" />,
  <DateInput key="from" source="from" label="Placed from" />,
  <DateInput key="to" source="to" label="Placed until" />,
];
