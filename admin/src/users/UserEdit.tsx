import {
  BooleanInput,
  Edit,
  type EditProps,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
} from 'react-admin';
import { choicesOf } from '../common/choices';
import { ROLES } from './roles';

const DISABLED_HELP_ID = 'user-disabled-help';

/**
 * Name, role and disabled are writable; the email is the sign-in name and not changed here. The API refuses an
 * admin editing themself (no demoting or disabling the last way in), and has no delete. Disabling the account or
 * changing its role ends every session of the user at once (api/routes/admin/users/handler.ts: their refresh tokens
 * are revoked and their access tokens stop working), which the helper texts say before saving.
 */
export function UserEdit(props: Omit<EditProps, 'children'>) {
  return (
    <Edit mutationMode="pessimistic" {...props}>
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="email" disabled />
        <TextInput source="name" validate={required()} />
        <SelectInput
          source="role"
          choices={choicesOf(ROLES)}
          validate={required()}
          helperText="Changing the role signs them out everywhere"
        />
        <BooleanInput
          source="disabled"
          // react-admin does not tie a switch to its helper text; this id does, so it is read with the switch.
          options={{ slotProps: { input: { 'aria-describedby': DISABLED_HELP_ID } } }}
          helperText={
            <span id={DISABLED_HELP_ID}>
              Disabling signs them out everywhere: every session ends at once, and the account cannot sign in
              again
            </span>
          }
        />
      </SimpleForm>
    </Edit>
  );
}
