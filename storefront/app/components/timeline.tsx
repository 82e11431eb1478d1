import { formatDateTime } from '~/lib/format';
import type { OrderStep } from '~/lib/order-steps';

/** The order's steps so far as a vertical list, then the steps still ahead, greyed out. */
export function Timeline({ steps, upcoming }: { steps: OrderStep[]; upcoming: string[] }) {
  return (
    <ol className="relative space-y-5 border-l-2 border-slate-200 pl-6">
      {steps.map((step) => (
        <li key={`${step.key}-${step.at}`} className="relative">
          <span
            aria-hidden="true"
            className={`absolute -left-[33px] top-1 h-4 w-4 rounded-full border-2 border-white ${
              step.tone === 'problem' ? 'bg-red-600' : 'bg-brand-700'
            }`}
          />
          <p className={`font-semibold ${step.tone === 'problem' ? 'text-red-800' : 'text-slate-900'}`}>
            {step.label}
          </p>
          <p className="text-sm text-slate-700">
            <time dateTime={step.at}>{formatDateTime(step.at)}</time>
          </p>
          {step.detail ? <p className="text-sm text-slate-700">{step.detail}</p> : null}
          {step.link ? (
            <a href={step.link.href} className="btn-link" target="_blank" rel="noreferrer noopener">
              {step.link.label}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : null}
        </li>
      ))}
      {upcoming.map((label) => (
        <li key={`next-${label}`} className="relative">
          <span
            aria-hidden="true"
            className="absolute -left-[33px] top-1 h-4 w-4 rounded-full border-2 border-slate-300 bg-white"
          />
          <p className="font-medium text-slate-600">
            {label}
            <span className="sr-only"> (not yet)</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
