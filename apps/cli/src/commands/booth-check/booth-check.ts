/**
 * @module `scrutineer booth-check <url>` (spec §10.7.5): fetches the booth served at `url` — its
 * HTML and every script, worker, stylesheet and file it names, recursively, and every file its
 * `booth-digest.json` lists — computes the booth digest (§10.7.1) and compares it with the one
 * expected: `--digest`, a local build (`--build <dist>`, recomputed from its files), or by
 * default the election's manifest on its board (the mirror's digest when `url` is a mirror the
 * manifest names). Names each file that differs. Exit 0 the same, 1 different, 2 unreachable or
 * usage.
 */
import { Command } from 'commander';
import {
  type BoothFile,
  type CollectedBooth,
  boothDifferences,
  boothDigest,
  collectBooth,
  isBoothDigest,
} from '@scrutineer/record';
import { ServerClient } from '../../client/server-client.ts';
import { boothFilesOf } from './local-build.ts';

interface Options {
  digest?: string;
  build?: string;
  board?: string;
  election?: string;
  json?: boolean;
}

/** The expected digest and, when known, the files it covers. */
interface Expected {
  readonly digest: string;
  readonly files: readonly BoothFile[] | null;
  readonly from: string;
}

async function fetchBytes(url: string): Promise<{ status: number; bytes: Uint8Array }> {
  const response = await fetch(url, { redirect: 'error', cache: 'no-store' });
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function expectedFromBoard(url: URL, options: Options): Promise<Expected> {
  const electionId = options.election ?? /^\/elections\/([a-z0-9-]+)/.exec(url.pathname)?.[1];
  if (electionId === undefined)
    throw new UsageError('no election: give --election, or a URL /elections/<id>/…');
  const board = options.board ?? url.origin;
  const manifest = await new ServerClient(board).manifest(electionId);
  const booth = manifest.booth;
  if (booth === undefined)
    throw new UsageError(`the manifest of ${electionId} names no booth digest`);
  const mirror = booth.mirrors?.find((m) => m.origin === url.origin);
  return {
    digest: mirror?.digest ?? booth.digest,
    files: null,
    from:
      mirror === undefined
        ? `the manifest of ${electionId}`
        : `the manifest of ${electionId} (mirror ${mirror.origin})`,
  };
}

class UsageError extends Error {}

async function expected(url: URL, options: Options): Promise<Expected> {
  if (options.digest !== undefined) {
    if (!isBoothDigest(options.digest))
      throw new UsageError('--digest must be 64 lower-case hex digits');
    return { digest: options.digest, files: null, from: '--digest' };
  }
  if (options.build !== undefined) {
    const files = boothFilesOf(options.build);
    return { digest: boothDigest(files), files, from: `the build in ${options.build}` };
  }
  return expectedFromBoard(url, options);
}

/** The lines that say what differs, from the best list of expected files there is. */
function explain(want: Expected, served: CollectedBooth): string[] {
  // The served listing is the board's word only; it is used to name files when it hashes to the
  // expected digest, so a server cannot hide a changed file behind a listing of its own.
  const files =
    want.files ??
    (served.listed !== null && boothDigest(served.listed.files) === want.digest
      ? served.listed.files
      : null);
  const lines = served.missing.map((path) => `${path}: named by the booth but not served`);
  if (files === null)
    return [
      ...lines,
      'the served booth-digest.json does not hash to the expected digest, so the files that differ',
      'cannot be named; compare with a local build (--build apps/web/dist) to name them',
    ];
  return [...lines, ...boothDifferences(files, served.files)];
}

export function boothCheckCommand(): Command {
  return new Command('booth-check')
    .description(
      'fetch the booth served at URL (HTML, scripts, workers, styles) and compare it with the published booth digest'
    )
    .argument('<url>', 'the booth page, e.g. https://vote.example/elections/<id>')
    .option('--digest <hex>', 'compare with this booth digest')
    .option('--build <dir>', 'compare with a local build (apps/web/dist), file by file')
    .option(
      '--board <url>',
      "the board whose manifest names the digest (default: the URL's origin)"
    )
    .option('--election <id>', 'the election (default: from the URL)')
    .option('--json', 'print a machine-readable result')
    .action(async (target: string, options: Options) => {
      let url: URL;
      let want: Expected;
      let served: CollectedBooth;
      try {
        url = new URL(target);
        want = await expected(url, options);
        served = await collectBooth(url.href, fetchBytes);
      } catch (error) {
        process.stderr.write(`scrutineer booth-check: ${(error as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      const same = served.digest === want.digest;
      const differences = same ? [] : explain(want, served);
      if (options.json === true) {
        process.stdout.write(
          `${JSON.stringify({ same, expected: want.digest, served: served.digest, from: want.from, files: served.files.length, differences })}\n`
        );
      } else if (same) {
        process.stdout.write(
          `The booth at ${url.href} is the published one: ${served.files.length} files, booth digest ${served.digest} (as ${want.from}).\n`
        );
      } else {
        process.stdout.write(
          `The booth at ${url.href} is NOT the published one.\n  expected ${want.digest} (${want.from})\n  served   ${served.digest} (${served.files.length} files)\n${differences.map((line) => `  ${line}\n`).join('')}`
        );
      }
      process.exitCode = same ? 0 : 1;
    });
}
