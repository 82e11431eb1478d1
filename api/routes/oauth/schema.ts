import { z } from 'zod';

/** Starting sign-in takes no parameters: passport would read a `code` here as a callback (hence strict). */
export const startQuery = z.object({}).strict();

const param = (description: string) => z.string().max(4096).optional().meta({ description });

/**
 * What providers append to the callback URL. Deliberately not `.strict()`, unlike every other schema: the sender
 * is the provider, not a client of ours, and Google adds parameters as it pleases (`authuser`, `prompt`, `hd`,
 * `iss`…). A 422 here would strand the shopper on a JSON page; unknown parameters are dropped instead.
 */
export const callbackQuery = z.object({
  code: param('Authorization code (single use, exchanged server-side)'),
  state: param('The state this API issued when sign-in started'),
  error: param('Set instead of `code` when the shopper declined or the provider failed'),
  error_description: param('Provider error detail (ignored)'),
  scope: param('Granted scopes (ignored)'),
});

export const exchangeBody = z
  .object({
    code: z.string().min(1).max(256).meta({ description: 'The one-time code from the storefront redirect' }),
  })
  .strict();
