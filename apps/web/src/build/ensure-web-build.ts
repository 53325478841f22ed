/**
 * @module Builds the web app when apps/web/dist is missing or older than its sources (the app's
 * own, and the packages it bundles), so `npm run demo -- --serve` on a fresh clone serves a
 * working booth with no separate build step. A build takes some 10–30 s; an up-to-date dist is
 * left alone.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIST, WEB_ROOT, buildWeb } from './build-web.ts';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** The newest modification time (ms) of any file under `path`, or 0. */
function newest(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, name)));
  }
  return latest;
}

/** Whether dist is missing or older than a source it is built from. */
export function webBuildIsStale(): boolean {
  const built = newest(join(WEB_DIST, 'index.html'));
  if (built === 0) return true;
  const sources = [
    join(WEB_ROOT, 'src'),
    join(WEB_ROOT, 'index.html'),
    ...['crypto', 'record', 'protocol', 'verifier'].map((name) =>
      join(REPO, 'packages', name, 'src')
    ),
  ];
  return sources.some((source) => newest(source) > built);
}

/** Builds the web app if it is stale; says so through `log`. Returns whether it built. */
export async function ensureWebBuild(log: (message: string) => void): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  log('Building the web app (apps/web/dist is missing or older than its sources)…');
  await buildWeb({ quiet: true });
  return true;
}
