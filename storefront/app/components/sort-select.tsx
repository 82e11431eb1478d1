import { Form, useSubmit } from 'react-router';
import { SORT_LABELS } from '~/lib/filter-labels';
import { SORTS, type Sort } from '~/lib/search-params';
import { HiddenFields } from './hidden-fields';

interface Props {
  action: string;
  sort: Sort;
  /** The rest of the state, so sorting keeps the filters (and starts again at page 1). */
  fields: [string, string][];
}

/** Sorts at once with JavaScript; without it the form has its own submit button. */
export function SortSelect({ action, sort, fields }: Props) {
  const submit = useSubmit();
  return (
    <Form method="get" action={action} className="flex items-center gap-2">
      <HiddenFields fields={fields} />
      <label htmlFor="sort" className="text-sm font-medium text-slate-800">
        Sort by
      </label>
      <select
        id="sort"
        name="sort"
        defaultValue={sort}
        key={sort}
        className="input w-auto py-1.5"
        onChange={(event) => void submit(event.currentTarget.form)}
      >
        {SORTS.map((s) => (
          <option key={s} value={s}>
            {SORT_LABELS[s]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn-secondary py-1.5">
          Sort
        </button>
      </noscript>
    </Form>
  );
}
