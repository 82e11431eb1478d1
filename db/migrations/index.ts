import type { RunnableMigration } from 'umzug';
import type { QueryInterface } from 'sequelize';
import * as identity from './0001-identity';
import * as catalog from './0002-catalog';
import * as inventory from './0003-inventory';
import * as carts from './0004-carts';
import * as orders from './0005-orders';
import * as reviewsEmail from './0006-reviews-email';
import * as sessionsIdentities from './0007-sessions-identities';
import * as checkout from './0008-checkout';
import * as fulfilment from './0009-fulfilment';
import * as analytics from './0010-analytics';
import * as adminOrderList from './0011-admin-order-list';
import * as guestHolds from './0012-guest-holds';
import * as productPages from './0013-product-pages';
import * as productPageFormat from './0014-product-page-format';

/**
 * Every migration, in order. Listed by hand rather than globbed so the same list works from TypeScript sources
 * (tsx, jest) and from compiled dist/. The name is what schema_migrations records: never rename one.
 */
export const migrations: RunnableMigration<QueryInterface>[] = [
  { name: '0001-identity', ...identity },
  { name: '0002-catalog', ...catalog },
  { name: '0003-inventory', ...inventory },
  { name: '0004-carts', ...carts },
  { name: '0005-orders', ...orders },
  { name: '0006-reviews-email', ...reviewsEmail },
  { name: '0007-sessions-identities', ...sessionsIdentities },
  { name: '0008-checkout', ...checkout },
  { name: '0009-fulfilment', ...fulfilment },
  { name: '0010-analytics', ...analytics },
  { name: '0011-admin-order-list', ...adminOrderList },
  { name: '0012-guest-holds', ...guestHolds },
  { name: '0013-product-pages', ...productPages },
  { name: '0014-product-page-format', ...productPageFormat },
];
