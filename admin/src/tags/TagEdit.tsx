import { Edit, SimpleForm } from 'react-admin';
import { TagFormFields } from './TagFormFields';

export function TagEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TagFormFields />
      </SimpleForm>
    </Edit>
  );
}
