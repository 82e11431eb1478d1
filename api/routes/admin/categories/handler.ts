import { z } from 'zod';
import { Op, type WhereOptions } from 'sequelize';
import type { Category } from '@market/db';
import type { AppDeps } from '../../../deps';
import { ConflictError, ValidationError } from '../../../errors';
import { defineRoute } from '../../../openapi/route';
import { catalogChanged } from '../../../services/catalog-events';
import { matchesText } from '../search';
import { contentRangeHeader, idParams, idsOf, orderOf, pageOf, setContentRange } from '../simple-rest';
import { adminCategorySchema, createCategoryBody, listCategoriesQuery, updateCategoryBody } from './schema';
import { retryOnDeadlock } from '../../../services/deadlock';
import { checkParent, findCategory, productIdsIn, subtreeIds } from './tree';

const tags = ['Admin: categories'];
const common = { 401: { description: 'Not signed in' }, 403: { description: 'Not an admin' } };

export function presentAdminCategory(category: Category): z.output<typeof adminCategorySchema> {
  return {
    id: category.id,
    parentId: category.parentId ?? null,
    slug: category.slug,
    name: category.name,
    position: category.position,
    createdAt: category.createdAt.toISOString(),
    updatedAt: category.updatedAt.toISOString(),
  };
}

type ListFilter = NonNullable<z.output<typeof listCategoriesQuery>['filter']>;

function categoriesWhere(deps: AppDeps, filter: ListFilter = {}): WhereOptions {
  const ids = idsOf(filter.id);
  return {
    [Op.and]: [
      ...(filter.q ? [matchesText(deps.db.sequelize, ['name', 'slug'], filter.q)] : []),
      ...(filter.parentId !== undefined ? [{ parentId: filter.parentId }] : []),
      ...(ids ? [{ id: { [Op.in]: ids } }] : []),
    ],
  };
}

export const listCategories = defineRoute({
  method: 'get',
  access: 'catalog.read',
  path: '/api/admin/categories',
  summary: 'Categories, filtered, sorted and paged (react-admin getList / getMany)',
  description:
    'A flat list; the tree is in each record’s parentId (filter `{"parentId":null}` for the roots).',
  tags,
  request: { query: listCategoriesQuery },
  responses: {
    200: {
      description: 'One page of categories',
      schema: z.array(adminCategorySchema),
      headers: contentRangeHeader('categories'),
    },
    ...common,
    422: { description: 'A sort, range or filter that is not valid JSON or not allowed' },
  },
  handler: async ({ input, deps, res }) => {
    const { sort, range, filter } = input.query;
    const { offset, limit } = pageOf(range);
    const { rows, count } = await deps.db.models.Category.findAndCountAll({
      where: categoriesWhere(deps, filter),
      order: orderOf(sort),
      offset,
      limit,
    });
    setContentRange(res, 'categories', { offset, count: rows.length, total: count });
    return rows.map(presentAdminCategory);
  },
});

export const getCategory = defineRoute({
  method: 'get',
  access: 'catalog.read',
  path: '/api/admin/categories/:id',
  summary: 'One category (react-admin getOne)',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The category', schema: adminCategorySchema },
    ...common,
    404: { description: 'No such category' },
  },
  handler: async ({ input, deps }) => presentAdminCategory(await findCategory(deps, input.params.id)),
});

export const createCategory = defineRoute({
  method: 'post',
  access: 'catalog.write',
  path: '/api/admin/categories',
  summary: 'Create a category (react-admin create)',
  tags,
  status: 201,
  request: { body: createCategoryBody },
  responses: {
    201: { description: 'The new category', schema: adminCategorySchema },
    ...common,
    409: { description: 'The slug is taken' },
    422: { description: 'Invalid fields or a parent that does not exist' },
  },
  handler: async ({ input, deps }) => {
    const category = await deps.db.sequelize.transaction(async (transaction) => {
      await checkParent(deps, null, input.body.parentId, transaction);
      return deps.db.models.Category.create(input.body, { transaction });
    });
    await catalogChanged(deps, { productIds: [] });
    return presentAdminCategory(category);
  },
});

export const updateCategory = defineRoute({
  method: 'put',
  access: 'catalog.write',
  path: '/api/admin/categories/:id',
  summary: 'Rename, reorder or move a category (react-admin update / updateMany)',
  description:
    'Writable: slug, name, parentId, position; id must match the path, timestamps are ignored. Moving a ' +
    'category under itself or one of its descendants is a 422 `category_cycle` and changes nothing.',
  tags,
  request: { params: idParams, body: updateCategoryBody },
  responses: {
    200: { description: 'The updated category', schema: adminCategorySchema },
    ...common,
    404: { description: 'No such category' },
    409: { description: 'The slug is taken' },
    422: { description: 'Invalid fields, another id, a missing parent or a cycle' },
  },
  handler: async ({ input, deps }) => {
    const id = input.params.id;
    const { slug, name, parentId, position } = input.body;
    if (input.body.id !== undefined && input.body.id !== id) {
      throw new ValidationError([
        { path: 'body.id', code: 'id_mismatch', message: 'Must be the id in the path' },
      ]);
    }
    // MariaDB picks a victim when two tree moves lock the same rows in opposite orders; the loser runs again.
    const category = await retryOnDeadlock(() =>
      deps.db.sequelize.transaction(async (transaction) => {
        const current = await findCategory(deps, id, { transaction, lock: true });
        if (parentId !== undefined && parentId !== current.parentId) {
          await checkParent(deps, id, parentId, transaction);
        }
        const changes = Object.fromEntries(
          Object.entries({ slug, name, parentId, position }).filter(([, value]) => value !== undefined),
        );
        return current.update(changes, { transaction });
      }),
    );
    await catalogChanged(deps, { productIds: await productIdsIn(deps, await subtreeIds(deps, id)) });
    return presentAdminCategory(category);
  },
});

export const deleteCategory = defineRoute({
  method: 'delete',
  access: 'catalog.write',
  path: '/api/admin/categories/:id',
  summary: 'Delete a category (react-admin delete)',
  description:
    'Only a leaf: a category with subcategories is a 409 `category_has_children` (move or delete them first). ' +
    'Its products stay, without a category. Answers the deleted record, as react-admin expects.',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The deleted category', schema: adminCategorySchema },
    ...common,
    404: { description: 'No such category' },
    409: { description: 'The category has subcategories' },
  },
  handler: async ({ input, deps }) => {
    const id = input.params.id;
    const { category, productIds } = await deps.db.sequelize.transaction(async (transaction) => {
      const found = await findCategory(deps, id, { transaction, lock: true });
      const children = await deps.db.models.Category.count({ where: { parentId: id }, transaction });
      if (children > 0) {
        throw new ConflictError(
          'The category has subcategories; move or delete them first.',
          'category_has_children',
        );
      }
      const affected = await productIdsIn(deps, [id], transaction);
      await found.destroy({ transaction }); // products.category_id is SET NULL by the foreign key
      return { category: found, productIds: affected };
    });
    await catalogChanged(deps, { productIds });
    return presentAdminCategory(category);
  },
});

export const adminCategoryRoutes = [
  listCategories,
  getCategory,
  createCategory,
  updateCategory,
  deleteCategory,
];
