import { Create, NumberInput, SimpleForm } from 'react-admin';
import { ProductFormFields } from './ProductFormFields';

const defaults = {
  currency: 'EUR',
  status: 'draft',
  description: '',
  tagIds: [],
  onHand: 0,
  lowStockThreshold: 5,
};

export function ProductCreate() {
  return (
    <Create redirect="edit">
      <SimpleForm defaultValues={defaults}>
        <ProductFormFields />
        <NumberInput source="onHand" label="Opening stock" min={0} step={1} />
        <NumberInput source="lowStockThreshold" min={0} step={1} />
      </SimpleForm>
    </Create>
  );
}
