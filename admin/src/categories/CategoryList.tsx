import { List, NumberField, ReferenceField, SearchInput, TextField } from 'react-admin';
import { KeyboardDatagrid } from '../common/KeyboardDatagrid';

const filters = [<SearchInput key="q" source="q" placeholder="Name or slug" alwaysOn />];

export function CategoryList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={50}>
      <KeyboardDatagrid rowClick="edit">
        <TextField source="name" />
        <TextField source="slug" />
        <ReferenceField source="parentId" reference="categories" label="Parent" emptyText="—" />
        <NumberField source="position" />
      </KeyboardDatagrid>
    </List>
  );
}
