/** SelectInput choices from a list of API values: `awaiting_payment` → { id, name: 'awaiting payment' }. */
export const choicesOf = (values: readonly string[]) =>
  values.map((value) => ({ id: value, name: value.replace(/_/g, ' ') }));
