import { Link } from 'react-router';

interface Props {
  to: string;
  label: string;
  count?: number | undefined;
  selected?: boolean;
  /** Radio-like groups (price, rating) show a dot; multi-select groups (tags) a tick box. */
  kind?: 'check' | 'radio';
}

/** One facet value as a plain link (works without JavaScript) that toggles it in the URL. */
export function FacetLink({ to, label, count, selected = false, kind = 'check' }: Props) {
  const mark = kind === 'radio' ? 'rounded-full' : 'rounded-sm';
  const content = (
    <>
      <span
        aria-hidden="true"
        className={`inline-flex h-4 w-4 shrink-0 items-center justify-center border text-[10px] leading-none ${mark} ${
          selected ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-500 bg-white'
        }`}
      >
        {selected ? '✓' : ''}
      </span>
      <span className="flex-1">
        {label}
        {selected ? <span className="sr-only"> (selected, select to remove)</span> : null}
      </span>
      {count === undefined ? null : <span className="text-xs text-slate-700">{count}</span>}
    </>
  );
  const row = 'flex items-center gap-2 rounded px-1 py-1 text-sm';
  if (count === 0 && !selected) {
    return <span className={`${row} text-slate-600`}>{content}</span>;
  }
  return (
    <Link
      to={to}
      preventScrollReset
      className={`${row} ${selected ? 'font-semibold text-slate-900' : 'text-slate-800'} hover:bg-slate-100`}
    >
      {content}
    </Link>
  );
}
