import { regex, required, TextInput } from 'react-admin';

const slug = regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens');

export function TagFormFields() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <TextInput source="slug" validate={[required(), slug]} />
    </>
  );
}
