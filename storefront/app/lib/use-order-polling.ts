import { useEffect, useRef } from 'react';
import { useRevalidator } from 'react-router';
import { isLive, pollDelay } from './order-status';

/**
 * Re-reads the page's loaders while the order moves on by itself (payment, capture, packing): every 2 s at first,
 * every 15 s after a minute, never while the tab is hidden, and not at all once the status is final.
 */
export function useOrderPolling(status: string): void {
  const revalidator = useRevalidator();
  const latest = useRef({ status, revalidator });
  latest.current = { status, revalidator };
  const live = isLive(status);

  useEffect(() => {
    if (!live) return;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = () => {
      const delay = pollDelay(latest.current.status, Date.now() - started);
      if (delay === null || stopped) return;
      timer = setTimeout(async () => {
        const { revalidator: current } = latest.current;
        if (document.visibilityState === 'visible' && current.state === 'idle') {
          await current.revalidate().catch(() => undefined);
        }
        schedule();
      }, delay);
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [live]);
}
