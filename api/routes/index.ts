import type { Route } from '../openapi/route';
import { healthRoutes } from './health/handler';

/** Every route of the API. A new area adds its list here; OpenAPI and the router both read this. */
export const routes: Route[] = [...healthRoutes];
