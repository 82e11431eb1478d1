import {
  BooleanField,
  DateField,
  List,
  NullableBooleanInput,
  NumberField,
  SearchInput,
  TextField,
} from 'react-admin';
import { KeyboardDatagrid } from '../common/KeyboardDatagrid';
import { AdjustStockButton } from './AdjustStockButton';

const filters = [
  <SearchInput key="q" source="q" placeholder="Product title or slug" alwaysOn />,
  <NullableBooleanInput key="lowStock" source="lowStock" label="Low stock" alwaysOn />,
];

/** Stock per product (the id is the product's); low stock: available ≤ threshold. */
export function InventoryList() {
  return (
    <List filters={filters} sort={{ field: 'onHand', order: 'ASC' }} perPage={25}>
      <KeyboardDatagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="productTitle" label="Product" sortable={false} />
        <NumberField source="onHand" />
        <NumberField source="reserved" />
        <NumberField source="available" sortable={false} />
        <NumberField source="lowStockThreshold" label="Threshold" />
        <BooleanField source="lowStock" sortable={false} />
        <DateField source="updatedAt" showTime />
        <AdjustStockButton />
      </KeyboardDatagrid>
    </List>
  );
}
