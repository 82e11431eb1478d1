// Reads the posted checkout form and checks it with the API's own schema (@market/schemas) before the API is asked.
import { checkoutBody, type CheckoutBody } from '@market/schemas/address';
import { countryCode } from './countries';
import { checkoutFieldErrors, FIELDS, type CheckoutValues } from './checkout-form';

export interface ReadCheckoutForm {
  values: CheckoutValues;
  body: CheckoutBody;
  /** What is missing or wrong, by field name; empty when the API would accept the body. */
  errors: Record<string, string>;
}

export function readCheckoutForm(form: FormData, guest: boolean): ReadCheckoutForm {
  const values: CheckoutValues = {};
  for (const name of Object.keys(FIELDS)) {
    if (name === 'email' && !guest) continue;
    const raw = form.get(name);
    values[name] = typeof raw === 'string' ? raw.trim() : '';
  }
  const optional = (name: string) => values[`shippingAddress.${name}`] || null;
  const body: CheckoutBody = {
    shippingAddress: {
      name: values['shippingAddress.name'] ?? '',
      line1: values['shippingAddress.line1'] ?? '',
      line2: optional('line2'),
      city: values['shippingAddress.city'] ?? '',
      region: optional('region'),
      postalCode: values['shippingAddress.postalCode'] ?? '',
      country: countryCode(values['shippingAddress.country']) ?? '',
      phone: optional('phone'),
    },
    ...(guest && values.email ? { email: values.email } : {}),
  };
  const issues: { path: string; code: string; message: string }[] = [];
  const result = checkoutBody.safeParse(body);
  if (!result.success) {
    for (const issue of result.error.issues) {
      issues.push({ path: issue.path.map(String).join('.'), code: issue.code, message: issue.message });
    }
  }
  // The schema leaves email optional: signed-in shoppers' orders go to their account. A guest must give one.
  if (guest && !values.email) issues.push({ path: 'email', code: 'required', message: 'Required' });
  return { values, body: result.success ? result.data : body, errors: checkoutFieldErrors(issues) };
}
