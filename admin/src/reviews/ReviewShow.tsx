import {
  DateField,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { StatusField } from '../common/StatusField';
import { ReviewModerationButtons } from './ReviewModerationButtons';

/** The customer's words are theirs: only the status changes (approve or reject). */
export function ReviewShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <ReviewModerationButtons />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <ReferenceField source="productId" reference="products" />
        <ReferenceField source="userId" reference="users" />
        <NumberField source="rating" />
        <TextField source="title" emptyText="—" />
        <TextField source="body" sx={{ whiteSpace: 'pre-wrap' }} />
        <StatusField source="status" />
        <DateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
