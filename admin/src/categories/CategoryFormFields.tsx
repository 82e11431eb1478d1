import { NumberInput, ReferenceInput, regex, required, SelectInput, TextInput } from 'react-admin';

const slug = regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens');

export function CategoryFormFields() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <TextInput source="slug" validate={[required(), slug]} />
      {/* The API's largest page: every category a shop is likely to have. Its refusal of a cycle (422
          category_cycle on parentId) replaces the helper text. */}
      <ReferenceInput
        source="parentId"
        reference="categories"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={100}
      >
        <SelectInput
          optionText="name"
          emptyText="Top level"
          parse={(v: string) => (v === '' ? null : v)}
          helperText="Not the category itself, nor one of its subcategories"
        />
      </ReferenceInput>
      <NumberInput source="position" min={0} step={1} helperText="Order among its siblings" />
    </>
  );
}
