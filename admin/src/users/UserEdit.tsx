import {
  BooleanInput,
  Edit,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
} from 'react-admin';
import { choicesOf } from '../common/choices';
import { ROLES } from './roles';

/**
 * Name, role and disabled are writable; the email is the sign-in name and not changed here. The API refuses an
 * admin editing themself (no demoting or disabling the last way in), and has no delete.
 */
export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="email" disabled />
        <TextInput source="name" validate={required()} />
        <SelectInput source="role" choices={choicesOf(ROLES)} validate={required()} />
        <BooleanInput
          source="disabled"
          helperText="A disabled account cannot sign in or refresh its session"
        />
      </SimpleForm>
    </Edit>
  );
}
