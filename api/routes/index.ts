import type { Route } from '../openapi/route';
import { adminUserRoutes } from './admin/users/handler';
import { authRoutes } from './auth/handler';
import { healthRoutes } from './health/handler';
import { meRoutes } from './me/handler';
import { oauthRoutes } from './oauth/handler';

/** Every route of the API. A new area adds its list here; OpenAPI and the router both read this. */
export const routes: Route[] = [
  ...healthRoutes,
  ...adminUserRoutes,
  ...authRoutes,
  ...meRoutes,
  ...oauthRoutes,
];
