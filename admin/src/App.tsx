import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AuthCallback } from './auth/AuthCallback';
import { LoginPage } from './auth/LoginPage';
import categories from './categories';
import { lazyScreen } from './common/lazyScreen';
import inventory from './inventory';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import orders from './orders';
import products from './products';
import { authProvider, dataProvider } from './providers';
import reviews from './reviews';
import tags from './tags';
import { theme } from './theme';
import users from './users';

/** The dashboard and its charts load on first use, like every screen: the sign-in page carries none of them. */
const Dashboard = lazyScreen(() => import('./dashboard/Dashboard'), 'Dashboard');

/**
 * Signed-out visitors go to the sign-in page from the layout (auth/RequireSignIn.tsx), not through `requireAuth`,
 * which loops under React Router 7. Every resource is declared for every staff member; the auth provider's canAccess (auth/access.ts, from
 * GET /api/me/permissions) keeps support to orders, in the menu and on direct links alike.
 */
export function App() {
  return (
    <Admin
      title="market admin"
      disableTelemetry
      authProvider={authProvider}
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      theme={theme}
      layout={Layout}
      dashboard={Dashboard}
      loginPage={LoginPage}
    >
      <CustomRoutes noLayout>
        <Route path="/auth/callback" element={<AuthCallback />} />
      </CustomRoutes>
      <Resource name="orders" {...orders} />
      <Resource name="products" {...products} />
      <Resource name="inventory" {...inventory} options={{ label: 'Inventory' }} />
      <Resource name="reviews" {...reviews} />
      <Resource name="categories" {...categories} />
      <Resource name="tags" {...tags} />
      <Resource name="users" {...users} />
      <Resource name="stock-movements" options={{ label: 'Stock movements' }} />
    </Admin>
  );
}
