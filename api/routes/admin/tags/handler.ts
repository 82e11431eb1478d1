import { z } from 'zod';
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import type { Tag } from '@market/db';
import type { AppDeps } from '../../../deps';
import { NotFoundError, ValidationError } from '../../../errors';
import { defineRoute } from '../../../openapi/route';
import { catalogChanged } from '../../../services/catalog-events';
import { matchesText } from '../search';
import { contentRangeHeader, idParams, idsOf, orderOf, pageOf, setContentRange } from '../simple-rest';
import { adminTagSchema, createTagBody, listTagsQuery, updateTagBody } from './schema';

const tags = ['Admin: tags'];
const common = { 401: { description: 'Not signed in' }, 403: { description: 'Not an admin' } };

export function presentAdminTag(tag: Tag): z.output<typeof adminTagSchema> {
  return {
    id: tag.id,
    slug: tag.slug,
    name: tag.name,
    createdAt: tag.createdAt.toISOString(),
    updatedAt: tag.updatedAt.toISOString(),
  };
}

async function findTag(deps: AppDeps, id: number, transaction?: Transaction): Promise<Tag> {
  const tag = await deps.db.models.Tag.findByPk(id, {
    transaction,
    ...(transaction ? { lock: transaction.LOCK.UPDATE } : {}),
  });
  if (!tag) throw new NotFoundError('There is no tag with this id.');
  return tag;
}

/** Products carrying the tag: their search documents name it. */
async function taggedProductIds(deps: AppDeps, tagId: number, transaction?: Transaction): Promise<number[]> {
  const rows = await deps.db.models.ProductTag.findAll({ where: { tagId }, transaction });
  return rows.map((row) => row.productId);
}

type ListFilter = NonNullable<z.output<typeof listTagsQuery>['filter']>;

function tagsWhere(deps: AppDeps, filter: ListFilter = {}): WhereOptions {
  const ids = idsOf(filter.id);
  return {
    [Op.and]: [
      ...(filter.q ? [matchesText(deps.db.sequelize, ['name', 'slug'], filter.q)] : []),
      ...(ids ? [{ id: { [Op.in]: ids } }] : []),
    ],
  };
}

export const listTags = defineRoute({
  method: 'get',
  access: 'catalog.read',
  path: '/api/admin/tags',
  summary: 'Tags, filtered, sorted and paged (react-admin getList / getMany)',
  tags,
  request: { query: listTagsQuery },
  responses: {
    200: {
      description: 'One page of tags',
      schema: z.array(adminTagSchema),
      headers: contentRangeHeader('tags'),
    },
    ...common,
    422: { description: 'A sort, range or filter that is not valid JSON or not allowed' },
  },
  handler: async ({ input, deps, res }) => {
    const { sort, range, filter } = input.query;
    const { offset, limit } = pageOf(range);
    const { rows, count } = await deps.db.models.Tag.findAndCountAll({
      where: tagsWhere(deps, filter),
      order: orderOf(sort),
      offset,
      limit,
    });
    setContentRange(res, 'tags', { offset, count: rows.length, total: count });
    return rows.map(presentAdminTag);
  },
});

export const getTag = defineRoute({
  method: 'get',
  access: 'catalog.read',
  path: '/api/admin/tags/:id',
  summary: 'One tag (react-admin getOne)',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The tag', schema: adminTagSchema },
    ...common,
    404: { description: 'No such tag' },
  },
  handler: async ({ input, deps }) => presentAdminTag(await findTag(deps, input.params.id)),
});

export const createTag = defineRoute({
  method: 'post',
  access: 'catalog.write',
  path: '/api/admin/tags',
  summary: 'Create a tag (react-admin create)',
  tags,
  status: 201,
  request: { body: createTagBody },
  responses: {
    201: { description: 'The new tag', schema: adminTagSchema },
    ...common,
    409: { description: 'The slug is taken' },
    422: { description: 'Invalid fields' },
  },
  handler: async ({ input, deps }) => {
    const tag = await deps.db.models.Tag.create(input.body);
    await catalogChanged(deps, { productIds: [] });
    return presentAdminTag(tag);
  },
});

export const updateTag = defineRoute({
  method: 'put',
  access: 'catalog.write',
  path: '/api/admin/tags/:id',
  summary: 'Rename a tag (react-admin update / updateMany)',
  description: 'Writable: slug, name; id must match the path, timestamps are ignored.',
  tags,
  request: { params: idParams, body: updateTagBody },
  responses: {
    200: { description: 'The updated tag', schema: adminTagSchema },
    ...common,
    404: { description: 'No such tag' },
    409: { description: 'The slug is taken' },
    422: { description: 'Invalid fields or another id' },
  },
  handler: async ({ input, deps }) => {
    const id = input.params.id;
    const { slug, name } = input.body;
    if (input.body.id !== undefined && input.body.id !== id) {
      throw new ValidationError([
        { path: 'body.id', code: 'id_mismatch', message: 'Must be the id in the path' },
      ]);
    }
    const tag = await deps.db.sequelize.transaction(async (transaction) => {
      const found = await findTag(deps, id, transaction);
      const changes = Object.fromEntries(
        Object.entries({ slug, name }).filter(([, value]) => value !== undefined),
      );
      return found.update(changes, { transaction });
    });
    await catalogChanged(deps, { productIds: await taggedProductIds(deps, id) });
    return presentAdminTag(tag);
  },
});

export const deleteTag = defineRoute({
  method: 'delete',
  access: 'catalog.write',
  path: '/api/admin/tags/:id',
  summary: 'Delete a tag (react-admin delete)',
  description: 'Removes the tag from every product (the join rows cascade). Answers the deleted record.',
  tags,
  request: { params: idParams },
  responses: {
    200: { description: 'The deleted tag', schema: adminTagSchema },
    ...common,
    404: { description: 'No such tag' },
  },
  handler: async ({ input, deps }) => {
    const id = input.params.id;
    const { tag, productIds } = await deps.db.sequelize.transaction(async (transaction) => {
      const found = await findTag(deps, id, transaction);
      const affected = await taggedProductIds(deps, id, transaction);
      await found.destroy({ transaction });
      return { tag: found, productIds: affected };
    });
    await catalogChanged(deps, { productIds });
    return presentAdminTag(tag);
  },
});

export const adminTagRoutes = [listTags, getTag, createTag, updateTag, deleteTag];
