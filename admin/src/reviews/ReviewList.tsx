import {
  AutocompleteInput,
  DateField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { KeyboardDatagrid } from '../common/KeyboardDatagrid';
import { choicesOf } from '../common/choices';
import { StatusField } from '../common/StatusField';
import { REVIEW_STATUSES } from '../data/types';
import { ModerateButton } from './ModerateButton';

const filters = [
  <SearchInput key="q" source="q" placeholder="Title or text" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(REVIEW_STATUSES)} alwaysOn />,
  <ReferenceInput key="productId" source="productId" reference="products">
    <AutocompleteInput optionText="title" />
  </ReferenceInput>,
];

/** The moderation queue by default: pending reviews, oldest first. */
export function ReviewList() {
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'pending' }}
      sort={{ field: 'createdAt', order: 'ASC' }}
      perPage={25}
    >
      <KeyboardDatagrid
        rowClick="show"
        bulkActionButtons={
          <>
            <ModerateButton verb="approve" />
            <ModerateButton verb="reject" />
          </>
        }
      >
        <DateField source="createdAt" showTime />
        <ReferenceField source="productId" reference="products" />
        <NumberField source="rating" />
        <TextField source="title" emptyText="" />
        <TextField
          source="body"
          sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
        />
        <StatusField source="status" />
      </KeyboardDatagrid>
    </List>
  );
}
