import { Form } from 'react-router';
import { fractionDigits, minorToInput } from '~/lib/search-params';
import { HiddenFields } from './hidden-fields';

interface Props {
  action: string;
  currency: string;
  minPrice: number | null;
  maxPrice: number | null;
  fields: [string, string][];
}

/** A custom price range in the shop currency ("12.50"); the loader turns it into minor units. */
export function PriceFilter({ action, currency, minPrice, maxPrice, fields }: Props) {
  const digits = fractionDigits(currency);
  const pattern = digits ? `\\d+(\\.\\d{1,${digits}})?` : '\\d+';
  const hint = digits ? `A number like 12 or 12.50` : 'A whole number';
  const input = 'input py-1.5';
  return (
    <Form method="get" action={action} preventScrollReset className="mt-3" aria-label="Custom price range">
      <HiddenFields fields={fields} />
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="min-price" className="label">
            Min {currency}
          </label>
          <input
            id="min-price"
            name="minPrice"
            inputMode="decimal"
            pattern={pattern}
            title={hint}
            autoComplete="off"
            defaultValue={minPrice === null ? '' : minorToInput(minPrice, currency)}
            key={`min-${minPrice}`}
            className={input}
          />
        </div>
        <div>
          <label htmlFor="max-price" className="label">
            Max {currency}
          </label>
          <input
            id="max-price"
            name="maxPrice"
            inputMode="decimal"
            pattern={pattern}
            title={hint}
            autoComplete="off"
            defaultValue={maxPrice === null ? '' : minorToInput(maxPrice, currency)}
            key={`max-${maxPrice}`}
            className={input}
          />
        </div>
      </div>
      <button type="submit" className="btn-secondary mt-2 w-full py-1.5">
        Apply price range
      </button>
    </Form>
  );
}
