import type { ActivityDeps } from './deps';
import { createPlatformActivities } from './platform';

export type { ActivityDeps } from './deps';
export type { PlatformCheck } from './platform';

/** Every activity the worker registers, bound to its dependencies (tests inject fakes). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createPlatformActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
