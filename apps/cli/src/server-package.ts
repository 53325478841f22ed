/**
 * @module Loads `@scrutineer/server` when a command needs it. The server (fastify, PGlite) is
 * large and is not published: the published CLI declares it as an optional peer dependency, so
 * that `scrutineer verify` installs and runs without it (docs/decisions/0005).
 */
import type * as ServerPackage from '@scrutineer/server';

/** The server package, or a clear error saying where to run the command from if it is missing. */
export async function loadServerPackage(command: string): Promise<typeof ServerPackage> {
  try {
    return await import('@scrutineer/server');
  } catch (error) {
    const missing =
      (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' &&
      (error as Error).message.includes("'@scrutineer/server'");
    if (!missing) throw error;
    throw new Error(
      `${command} needs @scrutineer/server, which is not installed: run it from a clone of the ` +
        'Scrutineer repository (npm start)',
      { cause: error }
    );
  }
}
