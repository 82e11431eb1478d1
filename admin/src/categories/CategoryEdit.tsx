import { Edit, SimpleForm } from 'react-admin';
import { CategoryFormFields } from './CategoryFormFields';

export function CategoryEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <CategoryFormFields />
      </SimpleForm>
    </Edit>
  );
}
