import { Menu as RaMenu, usePermissions } from 'react-admin';
import { canAccess, type Permissions } from '../auth/access';

/** The order of the menu; a user sees the entries the API's policies allow them (GET /api/me/permissions). */
const ENTRIES = ['orders', 'products', 'inventory', 'reviews', 'categories', 'tags', 'users'];

export function Menu() {
  const { permissions, isPending } = usePermissions<Permissions | undefined>();
  if (isPending || !permissions) return <RaMenu />;
  return (
    <RaMenu>
      {canAccess({ permissions, resource: 'dashboard', action: 'list' }) ? <RaMenu.DashboardItem /> : null}
      {ENTRIES.filter((name) => canAccess({ permissions, resource: name, action: 'list' })).map((name) => (
        <RaMenu.ResourceItem key={name} name={name} />
      ))}
    </RaMenu>
  );
}
