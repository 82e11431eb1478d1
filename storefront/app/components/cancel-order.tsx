import { Form, useNavigation } from 'react-router';

/**
 * Cancelling takes two steps: open the panel (a plain <details>, so it works without JavaScript), then confirm
 * with a button that says exactly what happens.
 */
export function CancelOrder({ paid }: { paid: boolean }) {
  const navigation = useNavigation();
  const cancelling = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'cancel';
  return (
    <details className="card">
      <summary className="cursor-pointer font-semibold text-slate-900">Cancel this order…</summary>
      <Form method="post" className="mt-4 space-y-3">
        <input type="hidden" name="intent" value="cancel" />
        <p className="text-sm text-slate-700">
          {paid
            ? 'The order will not be shipped and your payment will be refunded in full.'
            : 'The order will not be shipped and nothing will be charged.'}
        </p>
        <div>
          <label htmlFor="cancel-reason" className="label">
            Reason (optional)
          </label>
          <textarea id="cancel-reason" name="reason" maxLength={255} rows={2} className="input" />
        </div>
        <button type="submit" className="btn-secondary border-red-700 text-red-800" disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Yes, cancel this order'}
        </button>
      </Form>
    </details>
  );
}
