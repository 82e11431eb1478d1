import { Edit, SimpleForm } from 'react-admin';
import { ProductFormFields } from './ProductFormFields';
import { ProductImages } from './ProductImages';

/**
 * Stock and ratings are not edited here: stock moves through inventory adjustments, ratings through reviews.
 * Images sit below the form: each change is saved at once, not by the form's Save.
 */
export function ProductEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <ProductFormFields />
      </SimpleForm>
      <ProductImages />
    </Edit>
  );
}
