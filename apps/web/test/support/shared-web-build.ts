/**
 * @module Test helper: the one build of apps/web/dist that the browser test files share. The
 * runner runs two test files at once, and a file that rebuilt dist while another served it
 * (Vite empties the directory first) made the other's pages 404. So a file builds only when dist
 * is missing or older than the sources (`ensureWebBuild`), under a lock that the other waits for.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEB_DIST } from '../../src/build/build-web.ts';
import { ensureWebBuild } from '../../src/build/ensure-web-build.ts';

/** One lock per checkout (two clones may test at once). */
const LOCK = join(
  tmpdir(),
  `scrutineer-web-build-${createHash('sha256').update(WEB_DIST).digest('hex').slice(0, 16)}.lock`
);
/** A lock older than this was left by a crashed run. */
const STALE_LOCK_MS = 10 * 60_000;

async function withBuildLock<T>(run: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK, { recursive: false });
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true });
      } catch {
        // released meanwhile
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds dist if it is stale (once for all the files of a run); returns its booth digest. */
export async function sharedWebBuild(): Promise<string> {
  return withBuildLock(async () => {
    await ensureWebBuild(() => {});
    return (
      JSON.parse(readFileSync(join(WEB_DIST, 'booth-digest.json'), 'utf8')) as { digest: string }
    ).digest;
  });
}
