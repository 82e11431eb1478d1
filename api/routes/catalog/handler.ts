import { catalogProductRoutes } from './products';
import { catalogReviewRoutes } from './reviews';

/** The public catalog: categories, product list and search, product pages, reviews. */
export const catalogRoutes = [...catalogProductRoutes, ...catalogReviewRoutes];
