import { type RefObject, useEffect, useRef } from 'react';

const PREFIX = 'market:form:';
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const SKIPPED_TYPES = new Set([
  'hidden',
  'password',
  'file',
  'submit',
  'button',
  'reset',
  'checkbox',
  'radio',
]);

interface Options {
  /** Field names never written to storage. */
  exclude?: string[];
  /** Called after mount with the values put back, e.g. to refresh what depends on them. */
  onRestore?: (values: Record<string, string>) => void;
}

/** Text-like fields and selects worth keeping; never hidden fields, passwords or card data. */
function keptFields(form: HTMLFormElement, exclude: string[]): Field[] {
  return Array.from(form.elements).filter((el): el is Field => {
    if (!(
      el instanceof HTMLInputElement ||
      el instanceof HTMLSelectElement ||
      el instanceof HTMLTextAreaElement
    ))
      return false;
    if (!el.name || exclude.includes(el.name)) return false;
    if (el instanceof HTMLInputElement && SKIPPED_TYPES.has(el.type)) return false;
    return !(el.getAttribute('autocomplete') ?? '').startsWith('cc-');
  });
}

function defaultOf(el: Field): string {
  if (!(el instanceof HTMLSelectElement)) return el.defaultValue;
  const options = Array.from(el.options);
  return (options.find((o) => o.defaultSelected) ?? options[0])?.value ?? '';
}

function read(key: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function clearPersistedForm(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Storage blocked (private mode, policy): there is nothing to clear.
  }
}

/**
 * Keeps what the shopper typed in a form in sessionStorage (this tab only), so a network error, a crash or a
 * reload does not lose it. On mount it fills back only fields the server left empty: values it rendered (after a
 * failed submit, or prefilled) and values typed since win.
 */
export function usePersistedForm(
  formRef: RefObject<HTMLFormElement | null>,
  key: string,
  { exclude = [], onRestore }: Options = {},
): void {
  const restoreRef = useRef(onRestore);
  restoreRef.current = onRestore;
  const excluded = exclude.join('\n');

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const skip = excluded ? excluded.split('\n') : [];
    const saved = read(key);
    const restored: Record<string, string> = {};
    for (const el of keptFields(form, skip)) {
      const value = saved[el.name];
      // A field the server filled (re-rendered submit, prefill) or the shopper already changed keeps its value.
      if (typeof value !== 'string' || value === '' || defaultOf(el) !== '' || el.value !== '') continue;
      el.value = value;
      if (el.value === value) restored[el.name] = value;
    }
    if (Object.keys(restored).length > 0) restoreRef.current?.(restored);

    const save = () => {
      const values: Record<string, string> = {};
      for (const el of keptFields(form, skip)) values[el.name] = el.value;
      try {
        sessionStorage.setItem(PREFIX + key, JSON.stringify(values));
      } catch {
        // Storage full or blocked: the form still works, it just is not kept.
      }
    };
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    return () => {
      form.removeEventListener('input', save);
      form.removeEventListener('change', save);
    };
  }, [formRef, key, excluded]);
}
