import { List, NumberField, ReferenceField, TextField } from 'react-admin';
import { KeyboardDatagrid } from '../common/KeyboardDatagrid';
import { StatusField } from '../common/StatusField';
import { MoneyField } from '../money/MoneyField';
import { productFilters } from './productFilters';
import { ProductThumbnail } from './ProductThumbnail';

export function ProductList() {
  return (
    <List filters={productFilters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25}>
      <KeyboardDatagrid rowClick="edit">
        <ProductThumbnail label="" />
        <TextField source="title" />
        <TextField source="slug" />
        <MoneyField source="priceAmount" label="Price" textAlign="right" />
        <StatusField source="status" />
        <ReferenceField source="categoryId" reference="categories" emptyText="—" />
        <NumberField source="available" label="In stock" sortable={false} />
        <NumberField
          source="ratingAverage"
          label="Rating"
          transform={(hundredths: number) => hundredths / 100}
          options={{ maximumFractionDigits: 2 }}
        />
      </KeyboardDatagrid>
    </List>
  );
}
