import { useId, type ChangeEvent } from 'react';
import { FIELDS } from '~/lib/checkout-form';
import { COUNTRIES } from '~/lib/countries';
import { Field } from './field';

interface Props {
  values: Record<string, string>;
  errors: Record<string, string>;
  onCountryChange?: (code: string) => void;
}

const AUTOCOMPLETE: Record<string, string> = {
  name: 'shipping name',
  line1: 'shipping address-line1',
  line2: 'shipping address-line2',
  city: 'shipping address-level2',
  region: 'shipping address-level1',
  postalCode: 'shipping postal-code',
  phone: 'shipping tel',
};

/** The shipping address inputs, named like the API's fields so its errors land next to them. */
export function AddressFields({ values, errors, onCountryChange }: Props) {
  const countryId = useId();
  const field = (key: string, extra: { className?: string; type?: string } = {}) => {
    const name = `shippingAddress.${key}`;
    const rule = FIELDS[name];
    return (
      <Field
        label={rule?.label ?? key}
        name={name}
        defaultValue={values[name] ?? ''}
        error={errors[name]}
        maxLength={rule?.max}
        required={Boolean(rule?.required)}
        autoComplete={AUTOCOMPLETE[key]}
        {...extra}
      />
    );
  };
  const countryError = errors['shippingAddress.country'];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {field('name', { className: 'sm:col-span-2' })}
      {field('line1', { className: 'sm:col-span-2' })}
      {field('line2', { className: 'sm:col-span-2' })}
      {field('city')}
      {field('region')}
      {field('postalCode')}
      <div>
        <label htmlFor={countryId} className="label">
          Country
        </label>
        <select
          id={countryId}
          name="shippingAddress.country"
          className="input"
          required
          autoComplete="shipping country"
          defaultValue={values['shippingAddress.country'] ?? ''}
          aria-invalid={countryError ? true : undefined}
          aria-describedby={countryError ? `${countryId}-error` : undefined}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => onCountryChange?.(event.target.value)}
        >
          <option value="">Choose a country</option>
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {countryError ? (
          <p id={`${countryId}-error`} className="mt-1 text-sm text-red-700">
            {countryError}
          </p>
        ) : null}
      </div>
      {field('phone', { className: 'sm:col-span-2', type: 'tel' })}
    </div>
  );
}
