import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { describedBy, FieldNotes } from './field';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'defaultValue' | 'value'> {
  label: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
  error?: string | undefined;
  hint?: string;
}

/**
 * A labelled password input with a show/hide toggle. The toggle needs JavaScript, so it appears only once the
 * page is hydrated; the value is never pre-filled from the server.
 */
export function PasswordField({ label, name, error, hint, className, ...input }: Props) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name={name}
          type={visible ? 'text' : 'password'}
          className="input"
          maxLength={256}
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          {...input}
        />
        {hydrated ? (
          <button
            type="button"
            className={`btn-secondary shrink-0 ${visible ? 'bg-slate-200 hover:bg-slate-200' : ''}`}
            aria-controls={id}
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
          >
            {/* A toggle keeps its name; aria-pressed tells whether the password is shown. */}
            Show<span className="sr-only"> password</span>
          </button>
        ) : null}
      </div>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
