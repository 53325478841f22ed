/**
 * @module The native backend for tests, when its addon is built (`npm run build:native`; CI
 * builds it). Without the addon the native cases are skipped with this reason, never passed.
 */
import type { Group } from '../group.ts';
import { NativeBackendUnavailable } from '../backends/native-unavailable.ts';
import { loadNativeGroup } from '../backends/native.ts';

/** Why native cases are skipped, or null when the addon loaded. */
export let nativeSkipReason: string | null = null;

/** The native group, or null (with {@link nativeSkipReason} set) when the addon is not built. */
export const nativeGroup: Group | null = await loadNativeGroup().catch((error: unknown) => {
  if (!(error instanceof NativeBackendUnavailable)) throw error;
  nativeSkipReason = `native addon not built (run npm run build:native): ${error.message}`;
  return null;
});
