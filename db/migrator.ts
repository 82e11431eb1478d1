import type { QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug, type UmzugOptions } from 'umzug';
import { migrations } from './migrations';

export type Migrator = Umzug<QueryInterface>;
export type MigrationLogger = UmzugOptions<QueryInterface>['logger'];

/** umzug over the migrations in ./migrations; applied names are kept in the `schema_migrations` table. */
export function createMigrator(sequelize: Sequelize, options: { logger?: MigrationLogger } = {}): Migrator {
  return new Umzug({
    migrations,
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: options.logger,
  });
}
