import { Create, SimpleForm } from 'react-admin';
import { TagFormFields } from './TagFormFields';

export function TagCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TagFormFields />
      </SimpleForm>
    </Create>
  );
}
