import {
  BooleanField,
  DateField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { KeyboardDatagrid } from '../common/KeyboardDatagrid';
import { choicesOf } from '../common/choices';
import { ROLES } from './roles';

const filters = [
  <SearchInput key="q" source="q" placeholder="Email or name" alwaysOn />,
  <SelectInput key="role" source="role" choices={choicesOf(ROLES)} alwaysOn />,
  <NullableBooleanInput key="disabled" source="disabled" />,
];

export function UserList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
      <KeyboardDatagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="email" />
        <TextField source="name" />
        <TextField source="role" />
        <BooleanField source="disabled" />
        <BooleanField source="hasPassword" label="Password" sortable={false} />
        <DateField source="lastLoginAt" showTime emptyText="never" />
        <DateField source="createdAt" />
      </KeyboardDatagrid>
    </List>
  );
}
