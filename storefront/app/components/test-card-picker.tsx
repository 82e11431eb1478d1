export const TEST_CARDS = [
  { id: 'pm_card_visa', label: 'Visa •••• 4242', outcome: 'pays' },
  { id: 'pm_card_mastercard', label: 'Mastercard •••• 4444', outcome: 'pays' },
  { id: 'pm_card_chargeDeclined', label: 'Declined •••• 0002', outcome: 'is declined' },
  {
    id: 'pm_card_chargeDeclinedInsufficientFunds',
    label: 'Insufficient funds •••• 9995',
    outcome: 'is declined',
  },
  { id: 'pm_card_authenticationRequired', label: '3-D Secure •••• 3184', outcome: 'asks for a bank check' },
] as const;

/** The built-in test provider's cards: a radio group whose value is the PaymentMethod id sent to the API. */
export function TestCardPicker({ selected, error }: { selected: string | null; error: string | null }) {
  return (
    <fieldset aria-describedby={error ? 'card-error' : 'test-mode-note'}>
      <legend className="text-lg font-semibold">Card</legend>
      <p id="test-mode-note" className="mt-1 text-sm text-slate-700">
        Test mode: pick a test card. No real card is charged.
      </p>
      <div className="mt-3 space-y-2">
        {TEST_CARDS.map((card, index) => (
          <label
            key={card.id}
            className="flex cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 py-2 has-checked:border-brand-700 has-checked:bg-brand-50"
          >
            <input
              type="radio"
              name="paymentMethodId"
              value={card.id}
              defaultChecked={selected ? selected === card.id : index === 0}
              className="h-4 w-4 accent-brand-700"
            />
            <span className="font-medium">{card.label}</span>
            <span className="text-sm text-slate-700">— {card.outcome}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id="card-error" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
