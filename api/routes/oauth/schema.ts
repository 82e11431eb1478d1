import { z } from 'zod';

/** The places a sign-in can return to: the shop (its `/auth/callback`) or the back office (`/admin/#/auth/callback`). */
export const SIGN_IN_DESTINATIONS = ['shop', 'admin'] as const;
export type SignInDestination = (typeof SIGN_IN_DESTINATIONS)[number];

/**
 * Starting sign-in takes only where to return: passport would read a `code` here as a callback (hence strict). The
 * destination is one of two fixed pages of this deployment, never a URL, so it cannot become an open redirect.
 */
export const startQuery = z
  .object({
    to: z
      .enum(SIGN_IN_DESTINATIONS)
      .optional()
      .meta({ description: 'Where the callback returns: `shop` (default) or `admin`, the back office' }),
  })
  .strict();

// OAuth sends these as printable ASCII (RFC 6749, appendix A), 600 characters at most here: all five together,
// percent-encoded, stay inside Node's 16 KiB request-line-and-headers limit (beyond it Node answers 431 before any
// route runs). Real codes and states are a few hundred characters at most.
const param = (description: string) =>
  z
    .string()
    .max(600)
    .regex(/^[\x20-\x7E]*$/, 'Printable ASCII')
    .optional()
    .meta({ description });

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

export const providersSchema = z.object({
  providers: z.array(
    z.object({
      name: z.string().meta({ description: 'Stable name, e.g. `google`' }),
      label: z.string().meta({ description: 'For buttons, e.g. "Google"' }),
      start: z.string().meta({ description: 'The path that starts sign-in (a top-level navigation)' }),
    }),
  ),
});
