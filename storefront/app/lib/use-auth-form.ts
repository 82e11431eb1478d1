import { useEffect, useRef } from 'react';
import { useNavigation } from 'react-router';

/**
 * What the sign-in and sign-up forms share: where to go afterwards (a post to a bare URL still returns to where
 * the form said), the pending state, and an emptied password after a refusal, with or without JavaScript.
 */
export function useAuthForm(path: string, loaderNext: string, actionData: { next: string } | undefined) {
  const next = actionData?.next ?? loaderNext;
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formAction?.startsWith(path) === true;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const input = formRef.current?.elements.namedItem('password');
    if (actionData && input instanceof HTMLInputElement) input.value = '';
  }, [actionData]);
  const withNext = next === '/account' ? '' : `?next=${encodeURIComponent(next)}`;
  return { next, busy, formRef, withNext };
}
