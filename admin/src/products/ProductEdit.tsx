import { Edit, Labeled, SimpleForm } from 'react-admin';
import { ProductFormFields } from './ProductFormFields';
import { ProductImages } from './ProductImages';

/** Stock and ratings are not edited here: stock moves through inventory adjustments, ratings through reviews. */
export function ProductEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <ProductFormFields />
        <Labeled label="Images">
          <ProductImages />
        </Labeled>
      </SimpleForm>
    </Edit>
  );
}
