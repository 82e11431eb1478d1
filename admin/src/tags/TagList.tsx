import { DateField, List, SearchInput, TextField } from 'react-admin';
import { KeyboardDatagrid } from '../common/KeyboardDatagrid';

const filters = [<SearchInput key="q" source="q" placeholder="Name or slug" alwaysOn />];

export function TagList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={50}>
      <KeyboardDatagrid rowClick="edit">
        <TextField source="name" />
        <TextField source="slug" />
        <DateField source="createdAt" />
      </KeyboardDatagrid>
    </List>
  );
}
