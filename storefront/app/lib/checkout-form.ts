// The checkout form: what it sends to POST /api/checkout, and its errors in words a shopper understands.
import { countryCode } from './countries';
import type { Address } from './types';

interface FieldRule {
  label: string;
  max: number;
  required?: string;
}

/** Form field names are the API's error paths (without `body.`), so API errors land on the right field. */
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BAD_EMAIL = 'Enter an email address like name@example.com.';

export type CheckoutValues = Record<string, string>;

export interface CheckoutBody {
  shippingAddress: Address;
  email?: string;
}

/** Reads the posted form; `errors` holds what is missing or too long before the API is even asked. */
export function readCheckoutForm(
  form: FormData,
  guest: boolean,
): { values: CheckoutValues; body: CheckoutBody; errors: Record<string, string> } {
  const values: CheckoutValues = {};
  const errors: Record<string, string> = {};
  for (const [name, rule] of Object.entries(FIELDS)) {
    if (name === 'email' && !guest) continue;
    const raw = form.get(name);
    const value = typeof raw === 'string' ? raw.trim() : '';
    values[name] = value;
    if (!value && rule.required) errors[name] = rule.required;
    else if (value.length > rule.max) errors[name] = `Use at most ${rule.max} characters.`;
  }
  const country = countryCode(values['shippingAddress.country']);
  if (values['shippingAddress.country'] && !country)
    errors['shippingAddress.country'] = 'Choose the country.';
  if (guest && values.email && !EMAIL.test(values.email)) errors.email = BAD_EMAIL;

  const optional = (name: string) => values[`shippingAddress.${name}`] || null;
  const body: CheckoutBody = {
    shippingAddress: {
      name: values['shippingAddress.name'] ?? '',
      line1: values['shippingAddress.line1'] ?? '',
      line2: optional('line2'),
      city: values['shippingAddress.city'] ?? '',
      region: optional('region'),
      postalCode: values['shippingAddress.postalCode'] ?? '',
      country: country ?? '',
      phone: optional('phone'),
    },
    ...(guest ? { email: values.email ?? '' } : {}),
  };
  return { values, body, errors };
}

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

/** The API's 422 issues (`body.shippingAddress.city`, code `too_small`) as messages next to their fields. */
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
