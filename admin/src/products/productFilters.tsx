import { ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { choicesOf } from '../common/choices';
import { PRODUCT_STATUSES } from '../data/types';

/** The filters GET /api/admin/products takes: q, status, categoryId, tagId. */
export const productFilters = [
  <SearchInput key="q" source="q" placeholder="Title or slug" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(PRODUCT_STATUSES)} alwaysOn />,
  <ReferenceInput
    key="categoryId"
    source="categoryId"
    reference="categories"
    sort={{ field: 'name', order: 'ASC' }}
  />,
  <ReferenceInput key="tagId" source="tagId" reference="tags" sort={{ field: 'name', order: 'ASC' }} />,
];
