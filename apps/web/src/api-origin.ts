/**
 * @module Where the booth's API is (spec §10.7.4). The default build leaves it empty: the API is
 * the booth's own origin. A booth built for an independent mirror (`buildWeb({ apiOrigin })`) has
 * the board's origin fixed in its code, so the mirror's digest covers which board it talks to.
 * Always an absolute base inside a worker: a worker started from a blob URL (booth-worker.ts)
 * cannot resolve a path against its own URL, but its `location.origin` is the page's.
 */
declare const __SCRUTINEER_API_ORIGIN__: string | undefined;

const BUILT_ORIGIN = typeof __SCRUTINEER_API_ORIGIN__ === 'string' ? __SCRUTINEER_API_ORIGIN__ : '';

/** The API's origin (no trailing slash), or '' where there is no location (Node tests). */
export function apiOrigin(): string {
  if (BUILT_ORIGIN !== '') return BUILT_ORIGIN;
  return typeof location === 'undefined' ? '' : location.origin;
}
