/**
 * @module Writes `booth-digest.json` beside a build (spec §10.7.1): the booth digest and the
 * files it covers, every file of the build but this one, which is what the server serves for
 * the booth. `scrutineer booth-check` and the booth-check page name a differing file from it.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BoothFile, boothDigest, boothFile, canonicalize } from '@scrutineer/record';

export const BOOTH_DIGEST_FILE = 'booth-digest.json';

/** Every file below `root` but booth-digest.json, as {@link BoothFile}s. */
export function boothFiles(root: string, below = ''): BoothFile[] {
  const files: BoothFile[] = [];
  for (const name of readdirSync(join(root, below)).sort()) {
    const path = below === '' ? name : `${below}/${name}`;
    if (path === BOOTH_DIGEST_FILE) continue;
    if (statSync(join(root, path)).isDirectory()) files.push(...boothFiles(root, path));
    else files.push(boothFile(path, readFileSync(join(root, path))));
  }
  return files;
}

/** Writes `<root>/booth-digest.json` (canonical JSON and a line feed); returns the digest. */
export function writeBoothDigest(root: string): string {
  const files = boothFiles(root);
  const digest = boothDigest(files);
  writeFileSync(join(root, BOOTH_DIGEST_FILE), `${canonicalize({ digest, files })}\n`);
  return digest;
}
