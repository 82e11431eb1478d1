// The checkout form's fields and its errors in words a shopper understands. Client-safe: the checks themselves run
// on the server with the API's own zod schema (checkout-form.server.ts), so zod stays out of the browser bundle.
import type { Address } from './types';

interface FieldRule {
  label: string;
  max: number;
  required?: string;
}

/**
 * Form field names are the API's error paths (without `body.`), so API errors land on the right field. `max` mirrors
 * the shared schema's limits for the inputs' maxLength (a unit test keeps them equal).
 */
export const FIELDS: Record<string, FieldRule> = {
  email: { label: 'Email', max: 255, required: 'Enter your email address.' },
  'shippingAddress.name': {
    label: 'Full name',
    max: 200,
    required: 'Enter the name of the person receiving it.',
  },
  'shippingAddress.line1': {
    label: 'Street address',
    max: 200,
    required: 'Enter the street and house number.',
  },
  'shippingAddress.line2': { label: 'Apartment, suite, etc. (optional)', max: 200 },
  'shippingAddress.city': { label: 'City', max: 100, required: 'Enter the city.' },
  'shippingAddress.region': { label: 'State or region (optional)', max: 100 },
  'shippingAddress.postalCode': { label: 'Postal code', max: 20, required: 'Enter the postal code.' },
  'shippingAddress.country': { label: 'Country', max: 2, required: 'Choose the country.' },
  'shippingAddress.phone': { label: 'Phone (optional)', max: 32 },
};

export const BAD_EMAIL = 'Enter an email address like name@example.com.';

export type CheckoutValues = Record<string, string>;

/** The form's values for an address already known (a failed order being tried again). */
export function valuesFrom(address: Address | null | undefined, email: string | null): CheckoutValues {
  const values: CheckoutValues = {};
  if (email) values.email = email;
  if (!address) return values;
  for (const [key, value] of Object.entries(address)) {
    if (typeof value === 'string' && value) values[`shippingAddress.${key}`] = value;
  }
  return values;
}

/**
 * The API's 422 issues (`body.shippingAddress.city`, code `too_small`), or the shared schema's own issues found before
 * the API is asked, as messages next to their fields.
 */
export function checkoutFieldErrors(
  issues: { path?: string; message?: string; code?: string }[] | undefined,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const name = (issue.path ?? '').replace(/^body\./, '');
    const rule = FIELDS[name];
    if (!rule || errors[name]) continue;
    if (issue.code === 'required' || issue.code === 'too_small')
      errors[name] = rule.required ?? 'Fill this in.';
    else if (issue.code === 'too_big') errors[name] = `Use at most ${rule.max} characters.`;
    else if (name === 'email') errors[name] = BAD_EMAIL;
    else if (name === 'shippingAddress.country') errors[name] = 'Choose the country.';
    else errors[name] = issue.message ?? 'Check this field.';
  }
  return errors;
}
