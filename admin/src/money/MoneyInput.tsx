import { InputAdornment, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { type InputProps, useInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { parseMoney, toDecimal } from './money';

interface MoneyInputProps extends Omit<InputProps, 'source'> {
  source: string;
  /** The form field holding the ISO 4217 code; `currency` by default. */
  currencySource?: string;
  helperText?: string;
}

const invalidAmount = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? undefined
    : 'Enter an amount like 19.99';

/**
 * A price typed as a decimal in the record's currency and stored as integer minor units. The text is kept as typed
 * (so "19." or "19.9" stay on screen while typing); the form value is the parsed amount, or the raw text when it
 * does not parse, which the validator refuses.
 */
export function MoneyInput({
  source,
  currencySource = 'currency',
  label,
  helperText,
  ...rest
}: MoneyInputProps) {
  const currency = (useWatch({ name: currencySource }) as string | undefined) ?? 'EUR';
  const { field, fieldState, isRequired } = useInput({ source, validate: invalidAmount, ...rest });
  const value: unknown = field.value;
  const [text, setText] = useState(() => (typeof value === 'number' ? toDecimal(value, currency) : ''));

  // A value set from outside (the record loaded, the form reset) replaces the text; one typed here does not.
  useEffect(() => {
    if (typeof value === 'number' && parseMoney(text, currency) !== value)
      setText(toDecimal(value, currency));
  }, [value, currency]); // not `text`: typing must not reformat what is being typed

  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <TextField
      name={field.name}
      inputRef={field.ref}
      label={label === false ? undefined : (label ?? 'Price')}
      required={isRequired}
      value={text}
      onBlur={field.onBlur}
      onChange={(event) => {
        setText(event.target.value);
        field.onChange(parseMoney(event.target.value, currency) ?? event.target.value);
      }}
      error={Boolean(error)}
      helperText={error ?? helperText ?? ' '}
      size="small"
      margin="dense"
      slotProps={{
        htmlInput: { inputMode: 'decimal' },
        input: { startAdornment: <InputAdornment position="start">{currency}</InputAdornment> },
      }}
    />
  );
}
