import { Menu as RaMenu, usePermissions } from 'react-admin';
import { RESOURCES_BY_ROLE } from '../auth/access';
import type { Role } from '../auth/types';

/** The order of the menu; a role sees the entries its policy allows (auth/access.ts, after api/policies). */
const ENTRIES = ['orders', 'products', 'inventory', 'reviews', 'categories', 'tags', 'users'];

export function Menu() {
  const { permissions, isPending } = usePermissions<Role | undefined>();
  if (isPending || !permissions) return <RaMenu />;
  const allowed = RESOURCES_BY_ROLE[permissions];
  return (
    <RaMenu>
      {ENTRIES.filter((name) => allowed.includes(name)).map((name) => (
        <RaMenu.ResourceItem key={name} name={name} />
      ))}
    </RaMenu>
  );
}
