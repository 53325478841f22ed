/**
 * @module The typed error of an unavailable native backend, apart from native.ts so that callers
 * (and the browser bundle) can name it without loading the addon's loader.
 */

/** The native addon is not built or cannot load (no libdecaf); `cause` says which. */
export class NativeBackendUnavailable extends Error {
  readonly code = 'group/native-unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NativeBackendUnavailable';
  }
}
