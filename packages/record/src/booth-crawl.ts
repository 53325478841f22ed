/**
 * @module Collects a served booth for comparison with its digest (spec §10.7.5), through a fetch
 * function the caller gives (the CLI's, or a browser's), so the same walk runs in `scrutineer
 * booth-check` and on the booth-check page. From the page's HTML it follows every same-origin
 * `src`/`href`, and every `/assets/<file>` named in a script, stylesheet or worker, recursively;
 * it also fetches every file the served `booth-digest.json` lists, so a file that nothing names
 * is still compared. The HTML counts as `index.html`, the path the build gives it.
 */
import {
  type BoothFile,
  boothDigest,
  boothFile,
  isBoothDigest,
  isBoothPath,
} from './booth-digest.ts';

export interface FetchedBytes {
  readonly status: number;
  readonly bytes: Uint8Array;
}

export type BoothFetch = (url: string) => Promise<FetchedBytes>;

export interface CollectedBooth {
  /** Every file fetched, by its booth path. */
  readonly files: readonly BoothFile[];
  readonly digest: string;
  /** The served `booth-digest.json`, when it parses: its digest and files. */
  readonly listed: { readonly digest: string; readonly files: readonly BoothFile[] } | null;
  /** Paths named but not served (404 and the like): a broken booth. */
  readonly missing: readonly string[];
}

const ASSET_REFERENCE = /\/assets\/[A-Za-z0-9._-]+/g;
const ATTRIBUTE_REFERENCE = /\s(?:src|href)="([^"]+)"/g;

function parseListing(bytes: Uint8Array): CollectedBooth['listed'] {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as {
      digest?: unknown;
      files?: unknown;
    };
    if (typeof value.digest !== 'string' || !isBoothDigest(value.digest)) return null;
    if (!Array.isArray(value.files)) return null;
    const files = (value.files as { path?: unknown; sha256?: unknown }[]).flatMap((file) =>
      typeof file.path === 'string' &&
      isBoothPath(file.path) &&
      typeof file.sha256 === 'string' &&
      isBoothDigest(file.sha256)
        ? [{ path: file.path, sha256: file.sha256 }]
        : []
    );
    return { digest: value.digest, files };
  } catch {
    return null;
  }
}

/** Fetches the booth at `pageUrl` and everything it names; see the module comment. */
export async function collectBooth(
  pageUrl: string,
  fetchBytes: BoothFetch
): Promise<CollectedBooth> {
  const origin = new URL(pageUrl).origin;
  const page = await fetchBytes(pageUrl);
  if (page.status !== 200) throw new Error(`${pageUrl}: HTTP ${page.status}`);
  const files = new Map<string, BoothFile>([['index.html', boothFile('index.html', page.bytes)]]);
  const missing: string[] = [];
  const queue: string[] = [];
  const seen = new Set<string>(['index.html']);
  const name = (path: string): void => {
    if (!isBoothPath(path) || seen.has(path)) return;
    seen.add(path);
    queue.push(path);
  };
  const namedIn = (text: string, html: boolean): void => {
    if (html)
      for (const match of text.matchAll(ATTRIBUTE_REFERENCE)) {
        const url = new URL(match[1] ?? '', pageUrl);
        if (url.origin === origin) name(url.pathname.slice(1));
      }
    for (const match of text.matchAll(ASSET_REFERENCE)) name(match[0].slice(1));
  };
  namedIn(new TextDecoder().decode(page.bytes), true);
  const listing = await fetchBytes(`${origin}/booth-digest.json`);
  const listed = listing.status === 200 ? parseListing(listing.bytes) : null;
  for (const file of listed?.files ?? []) name(file.path);
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const fetched = await fetchBytes(`${origin}/${path}`);
    if (fetched.status !== 200) {
      missing.push(path);
      continue;
    }
    files.set(path, boothFile(path, fetched.bytes));
    if (/\.(js|css|html|mjs)$/.test(path))
      namedIn(new TextDecoder().decode(fetched.bytes), path.endsWith('.html'));
  }
  const list = [...files.values()];
  return { files: list, digest: boothDigest(list), listed, missing: missing.sort() };
}
