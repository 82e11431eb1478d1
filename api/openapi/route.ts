import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type z } from 'zod';
import type { AppDeps } from '../deps';
import type { Action, Actor } from '../policies';

/**
 * Who may call a route: anyone (`public`), anyone but signed-in users are recognised (`guest-or-user`: a bearer
 * token, when sent, must be valid), any signed-in user (`signed-in`), or whoever the policy allows for an action
 * (`users.update`). Every route must say; routes under /api/admin must name an action.
 */
export type Access = 'public' | 'guest-or-user' | 'signed-in' | Action;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Shape = z.ZodType<Record<string, unknown>>;
type Empty = z.ZodObject<Record<string, never>>;

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json (application/problem+json for 4xx/5xx). */
  contentType?: string;
  /** Response headers worth documenting (e.g. Content-Range on admin lists). */
  headers?: z.ZodObject;
}

export interface HandlerContext<
  P extends Shape,
  Q extends Shape,
  B extends Shape,
  A extends Access = Access,
> {
  input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> };
  /** The caller; always present unless the route is public or open to guests. */
  actor: A extends 'public' | 'guest-or-user' ? Actor | null : Actor;
  deps: AppDeps;
  req: Request;
  res: Response;
}

export interface RouteSpec<P extends Shape, Q extends Shape, B extends Shape, A extends Access = Access> {
  method: HttpMethod;
  access: A;
  /** Express path syntax (`/api/products/:slug`); OpenAPI gets `{slug}`. */
  path: string;
  summary: string;
  tags: string[];
  description?: string;
  /** `.strict()` zod objects: unknown fields are a 422, never silently dropped. */
  request?: { params?: P; query?: Q; body?: B };
  /** Success status; the handler's return value is its JSON body. */
  status?: number;
  responses: Record<number, ResponseSpec>;
  /** Documents the Idempotency-Key header the handler reads (the handler enforces it). */
  idempotencyKey?: 'required' | 'optional';
  /** Run after the access check and before validation (rate limits). A function is called once per app. */
  before?: RequestHandler[] | ((deps: AppDeps) => RequestHandler[]);
  handler: (ctx: HandlerContext<P, Q, B, A>) => Promise<unknown> | unknown;
}

export type Route = RouteSpec<Shape, Shape, Shape, Access>;

/** Declares a route once; the same object mounts it on Express and documents it in OpenAPI. */
export function defineRoute<
  A extends Access,
  P extends Shape = Empty,
  Q extends Shape = Empty,
  B extends Shape = Empty,
>(spec: RouteSpec<P, Q, B, A>): Route {
  return spec as unknown as Route;
}

export type ValidatedRequest = Request & { valid?: { params: unknown; query: unknown; body: unknown } };

export function runHandler(route: Route, deps: AppDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const valid = (req as ValidatedRequest).valid ?? { params: {}, query: {}, body: {} };
      const input = valid as HandlerContext<Shape, Shape, Shape>['input'];
      const result = await route.handler({ input, deps, req, res, actor: req.user ?? null });
      if (res.headersSent) return;
      if (result === undefined) res.status(route.status ?? 204).end();
      else res.status(route.status ?? 200).json(result);
    } catch (err) {
      next(err);
    }
  };
}
