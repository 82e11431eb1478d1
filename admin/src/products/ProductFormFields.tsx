import {
  AutocompleteArrayInput,
  ReferenceArrayInput,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { choicesOf } from '../common/choices';
import { PRODUCT_STATUSES } from '../data/types';
import { MoneyInput } from '../money/MoneyInput';

const slug = regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens');
const currency = regex(/^[A-Z]{3}$/, 'An ISO 4217 code in upper case (EUR)');

/** The writable fields of a product (api/routes/admin/products/schema.ts), for create and edit alike. */
export function ProductFormFields() {
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="slug" validate={[required(), slug]} helperText="Its name in shop URLs" />
      <TextInput source="description" multiline minRows={4} fullWidth />
      <MoneyInput source="priceAmount" label="Price" />
      <TextInput source="currency" validate={[required(), currency]} />
      <SelectInput source="status" choices={choicesOf(PRODUCT_STATUSES)} validate={required()} />
      <ReferenceInput source="categoryId" reference="categories" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput optionText="name" emptyText="No category" parse={(v: string) => (v === '' ? null : v)} />
      </ReferenceInput>
      <ReferenceArrayInput source="tagIds" reference="tags" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteArrayInput optionText="name" />
      </ReferenceArrayInput>
    </>
  );
}
