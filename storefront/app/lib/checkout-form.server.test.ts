import { describe, expect, it } from 'vitest';
import { readCheckoutForm } from './checkout-form.server';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

const address = {
  'shippingAddress.name': ' Ada Lovelace ',
  'shippingAddress.line1': '1 Main St',
  'shippingAddress.city': 'Berlin',
  'shippingAddress.postalCode': '10115',
  'shippingAddress.country': 'de',
};

describe('readCheckoutForm', () => {
  it('builds the API body, trimmed, with empty optional fields as null', () => {
    const { body, errors } = readCheckoutForm(form({ ...address, email: 'ada@example.com' }), true);
    expect(errors).toEqual({});
    expect(body).toEqual({
      email: 'ada@example.com',
      shippingAddress: {
        name: 'Ada Lovelace',
        line1: '1 Main St',
        line2: null,
        city: 'Berlin',
        region: null,
        postalCode: '10115',
        country: 'DE',
        phone: null,
      },
    });
  });

  it('sends no email for a signed-in shopper (the account email is used)', () => {
    const { body, errors } = readCheckoutForm(form({ ...address, email: 'x' }), false);
    expect(errors).toEqual({});
    expect(body.email).toBeUndefined();
  });

  it('names what is missing or wrong', () => {
    const { errors, values } = readCheckoutForm(
      form({ email: 'ada', 'shippingAddress.country': 'XX' }),
      true,
    );
    expect(errors).toEqual({
      email: 'Enter an email address like name@example.com.',
      'shippingAddress.name': 'Enter the name of the person receiving it.',
      'shippingAddress.line1': 'Enter the street and house number.',
      'shippingAddress.city': 'Enter the city.',
      'shippingAddress.postalCode': 'Enter the postal code.',
      'shippingAddress.country': 'Choose the country.',
    });
    expect(values.email).toBe('ada');
  });

  it('asks a guest for an email address, and ignores one a signed-in shopper sends', () => {
    expect(readCheckoutForm(form(address), true).errors).toEqual({ email: 'Enter your email address.' });
    expect(readCheckoutForm(form({ ...address, email: '' }), false).errors).toEqual({});
  });

  it('refuses what the API refuses: too long, by the same schema', () => {
    const { errors } = readCheckoutForm(
      form({ ...address, email: 'ada@example.com', 'shippingAddress.postalCode': '1'.repeat(21) }),
      true,
    );
    expect(errors).toEqual({ 'shippingAddress.postalCode': 'Use at most 20 characters.' });
  });
});
