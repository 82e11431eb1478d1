import { createCatalogActivities } from './catalog';
import type { ActivityDeps } from './deps';
import { createImageActivities } from './images';
import { createPlatformActivities } from './platform';

export type { CatalogSyncResult } from './catalog';
export type { ActivityDeps } from './deps';
export type { GenerateThumbnailsInput, GenerateThumbnailsResult } from './images';
export type { PlatformCheck } from './platform';

/** Every activity the worker registers, bound to its dependencies (tests inject fakes). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createPlatformActivities(deps),
    ...createImageActivities(deps),
    ...createCatalogActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
