import type { Response } from 'express';
import { z } from 'zod';

/**
 * The query dialect of react-admin's ra-data-simple-rest, shared by every admin list (users, later products and
 * orders). What the data provider sends:
 *
 *   getList / getManyReference  GET /api/admin/users?sort=["email","ASC"]&range=[0,24]&filter={"q":"ann"}
 *   getMany                     GET /api/admin/users?filter={"id":[1,2,3]}          (no sort, no range)
 *   getOne                      GET /api/admin/users/1
 *   update / updateMany         PUT /api/admin/users/1 with JSON.stringify(params.data)
 *
 * Each list parameter is a JSON string. Invalid JSON or a wrong shape is a 422 naming the parameter
 * (`query.sort`, `query.range.1`, `query.filter.role`). A list answers with the array of records and
 * `Content-Range: users 0-24/319`, whose total after the slash drives react-admin's pagination.
 */

/**
 * The largest page: range end − start + 1 may be at most this. react-admin offers 5 to 50 rows per page by default;
 * 100 leaves room for a custom choice and for getMany while bounding every query.
 */
export const MAX_PAGE_SIZE = 100;

/** Documents the Content-Range header of a list response in OpenAPI. */
export const contentRangeHeader = (resource: string) =>
  z.object({
    'Content-Range': z.string().meta({ description: `Position and total, e.g. \`${resource} 0-24/319\`` }),
  });

/** A record id as react-admin sends it: a number from a record, or a string of digits from a URL. */
export const idSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,15}$/, 'Must be a positive integer id')
      .transform(Number),
  ])
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

/** Path parameters of a route on one record (`/api/admin/users/:id`). */
export const idParams = z.object({ id: idSchema }).strict();

/** A query parameter that carries JSON; the parsed value must match `schema`. */
export function jsonParam<T extends z.ZodType>(schema: T, meta: { description: string; example: string }) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Must be a JSON value' });
        return z.NEVER;
      }
    })
    .pipe(schema)
    .meta(meta);
}

export type SortOrder = 'ASC' | 'DESC';

/** `["field","ASC"|"DESC"]`, the field from the resource's allow-list (never an arbitrary column). */
export const sortSchema = <F extends string>(fields: readonly [F, ...F[]]) =>
  z.tuple([z.enum(fields), z.enum(['ASC', 'DESC'])]);

/** `[start, end]`, zero-based and inclusive, at most MAX_PAGE_SIZE records. */
export const rangeSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([start, end]) => end >= start, 'The range end must not be before its start')
  .refine(
    ([start, end]) => end - start + 1 <= MAX_PAGE_SIZE,
    `A range covers at most ${MAX_PAGE_SIZE} records`,
  );

/** getMany's `{"id":[1,2,3]}`, or a single id. */
export const idFilterSchema = z.union([idSchema, z.array(idSchema).max(MAX_PAGE_SIZE)]);

/**
 * The query schema of a resource's list route: `sort` over `sortFields`, `range`, and `filter` with the
 * resource's filters plus `id`. Unknown filter keys are a 422, like unknown fields anywhere else.
 */
export function listQuerySchema<F extends string, S extends z.ZodRawShape>(resource: {
  name: string;
  sortFields: readonly [F, ...F[]];
  filters: S;
}) {
  const filter = z.object({ ...resource.filters, id: idFilterSchema.optional() }).strict();
  return z
    .object({
      sort: jsonParam(sortSchema(resource.sortFields), {
        description: `[field, order]; field one of ${resource.sortFields.join(', ')}. Default ["id","ASC"].`,
        example: '["id","ASC"]',
      }).optional(),
      range: jsonParam(rangeSchema, {
        description: `[start, end], zero-based, inclusive, at most ${MAX_PAGE_SIZE} records. Default [0,${MAX_PAGE_SIZE - 1}].`,
        example: '[0,24]',
      }).optional(),
      filter: jsonParam(filter, {
        description: `Filters on ${resource.name}: ${Object.keys(resource.filters).join(', ')}, id (one id or a list).`,
        example: '{"q":"ann"}',
      }).optional(),
    })
    .strict();
}

/** OFFSET and LIMIT for a range; without one, the first MAX_PAGE_SIZE records (getMany sends no range). */
export function pageOf(range: readonly [number, number] | undefined): { offset: number; limit: number } {
  if (!range) return { offset: 0, limit: MAX_PAGE_SIZE };
  return { offset: range[0], limit: range[1] - range[0] + 1 };
}

/** ORDER BY for a sort, with the id as a tie-breaker so pages never overlap or skip records. */
export function orderOf<F extends string>(sort: readonly [F, SortOrder] | undefined): [string, SortOrder][] {
  const [field, direction] = sort ?? ['id', 'ASC'];
  const order: [string, SortOrder][] = [[field, direction]];
  if (field !== 'id') order.push(['id', direction]);
  return order;
}

/** The ids a filter asks for, as a list, or undefined when it names none. */
export function idsOf(id: number | number[] | undefined): number[] | undefined {
  return id === undefined ? undefined : ([] as number[]).concat(id);
}

// `Content-Range: users 0-24/319`. An empty page (a range past the end) has no positions to name, so it is
// `users */319`, as in RFC 9110's unsatisfied-range form; react-admin reads only the total after the slash.
export function setContentRange(
  res: Response,
  resource: string,
  page: { offset: number; count: number; total: number },
): void {
  const positions = page.count > 0 ? `${page.offset}-${page.offset + page.count - 1}` : '*';
  res.setHeader('Content-Range', `${resource} ${positions}/${page.total}`);
}
