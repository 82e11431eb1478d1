import { DateInput, SearchInput, SelectArrayInput, TextInput } from 'react-admin';
import { choicesOf } from '../common/choices';
import { ORDER_STATUSES } from '../data/types';

/**
 * The filters GET /api/admin/orders takes: q, status, customer, from, to (dates are whole UTC days). Statuses are a
 * list: the tabs above the list (OrderStatusTabs) set groups of them, and this input shows or refines the set.
 */
export const orderFilters = [
  <SearchInput key="q" source="q" placeholder="Order number or email" alwaysOn />,
  <SelectArrayInput key="status" source="status" label="Statuses" choices={choicesOf(ORDER_STATUSES)} />,
  <TextInput key="customer" source="customer" label="Customer" helperText="A user id or a whole email" />,
  <DateInput key="from" source="from" label="Placed from" />,
  <DateInput key="to" source="to" label="Placed until" />,
];
