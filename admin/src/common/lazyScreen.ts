import { type ComponentType, lazy } from 'react';

/**
 * A resource screen loaded on first use, from a module that exports it by name (one component per file), so the
 * sign-in page and the first screen do not carry every other screen. react-admin's Layout wraps pages in Suspense.
 */
export const lazyScreen = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  lazy(async () => ({ default: (await load())[name] as ComponentType }));
