import { Datagrid, DateField, List, SearchInput, TextField } from 'react-admin';

const filters = [<SearchInput key="q" source="q" placeholder="Name or slug" alwaysOn />];

export function TagList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={50}>
      <Datagrid rowClick="edit">
        <TextField source="name" />
        <TextField source="slug" />
        <DateField source="createdAt" />
      </Datagrid>
    </List>
  );
}
