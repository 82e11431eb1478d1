import { useNotify, useRefresh } from 'react-admin';

/**
 * Runs one API action: a success notice and a refresh of what is on screen, or the API's own words for a refusal
 * (the problem's detail: "The order’s current state does not allow this."). Rethrows so a dialog stays open.
 */
export function useAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      notify(done, { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The request failed', { type: 'error' });
      throw error;
    }
  };
}
