import { NumberInput, ReferenceInput, regex, required, SelectInput, TextInput } from 'react-admin';

const slug = regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens');

export function CategoryFormFields() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <TextInput source="slug" validate={[required(), slug]} />
      <ReferenceInput source="parentId" reference="categories" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput optionText="name" emptyText="Top level" parse={(v: string) => (v === '' ? null : v)} />
      </ReferenceInput>
      <NumberInput source="position" min={0} step={1} helperText="Order among its siblings" />
    </>
  );
}
