import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearPersistedForm, usePersistedForm } from './use-persisted-form';

function Checkout({
  city = '',
  onRestore,
}: {
  city?: string;
  onRestore?: (v: Record<string, string>) => void;
}) {
  const ref = useRef<HTMLFormElement>(null);
  usePersistedForm(ref, 'test', { exclude: ['note'], ...(onRestore ? { onRestore } : {}) });
  return (
    <form ref={ref}>
      <label>
        Name <input name="name" defaultValue="" />
      </label>
      <label>
        City <input name="city" defaultValue={city} />
      </label>
      <label>
        Country
        <select name="country" defaultValue="">
          <option value="">Choose</option>
          <option value="DE">Germany</option>
          <option value="FR">France</option>
        </select>
      </label>
      <label>
        Note <input name="note" defaultValue="" />
      </label>
      <label>
        Card <input name="card" autoComplete="cc-number" defaultValue="" />
      </label>
      <input type="hidden" name="idempotencyKey" value="key-1" />
      <label>
        Password <input type="password" name="password" defaultValue="" />
      </label>
    </form>
  );
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const stored = () => JSON.parse(sessionStorage.getItem('market:form:test') ?? '{}') as Record<string, string>;

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('usePersistedForm', () => {
  it('saves typed fields, but not hidden, password, card or excluded ones', () => {
    render(<Checkout />);
    fireEvent.input(field('Name'), { target: { value: 'Ada' } });
    fireEvent.change(field('Country'), { target: { value: 'DE' } });
    fireEvent.input(field('Note'), { target: { value: 'secret' } });
    fireEvent.input(field('Card'), { target: { value: '4242' } });
    fireEvent.input(field('Password'), { target: { value: 'hunter22' } });
    expect(stored()).toEqual({ name: 'Ada', city: '', country: 'DE' });
  });

  it('puts the values back on mount and reports them', () => {
    sessionStorage.setItem('market:form:test', JSON.stringify({ name: 'Ada', country: 'FR', note: 'x' }));
    const onRestore = vi.fn();
    render(<Checkout onRestore={onRestore} />);
    expect(field('Name').value).toBe('Ada');
    expect(field('Country').value).toBe('FR');
    expect(field('Note').value).toBe('');
    expect(onRestore).toHaveBeenCalledWith({ name: 'Ada', country: 'FR' });
  });

  it('leaves a value the server rendered alone', () => {
    sessionStorage.setItem('market:form:test', JSON.stringify({ city: 'Old town' }));
    render(<Checkout city="Berlin" />);
    expect(field('City').value).toBe('Berlin');
  });

  it('forgets the form when asked', () => {
    sessionStorage.setItem('market:form:test', JSON.stringify({ name: 'Ada' }));
    clearPersistedForm('test');
    render(<Checkout />);
    expect(field('Name').value).toBe('');
  });
});
