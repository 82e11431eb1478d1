import { Edit, type EditProps, SimpleForm } from 'react-admin';
import { CategoryFormFields } from './CategoryFormFields';

/**
 * Pessimistic, so the API's refusals reach the form: a move under its own subcategory (422 `category_cycle`) shows
 * under the parent field, a taken slug (409) as a notice.
 */
export function CategoryEdit(props: Omit<EditProps, 'children'>) {
  return (
    <Edit mutationMode="pessimistic" {...props}>
      <SimpleForm>
        <CategoryFormFields />
      </SimpleForm>
    </Edit>
  );
}
