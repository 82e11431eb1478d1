import { Create, SimpleForm } from 'react-admin';
import { CategoryFormFields } from './CategoryFormFields';

export function CategoryCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ parentId: null, position: 0 }}>
        <CategoryFormFields />
      </SimpleForm>
    </Create>
  );
}
