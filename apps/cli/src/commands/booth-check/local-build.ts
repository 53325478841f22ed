/**
 * @module The booth files of a local build directory (apps/web/dist), recomputed from the files
 * themselves, not read from its booth-digest.json: every file but that one (spec §10.7.1).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BoothFile, boothFile } from '@scrutineer/record';

export function boothFilesOf(root: string, below = ''): BoothFile[] {
  const files: BoothFile[] = [];
  for (const name of readdirSync(join(root, below)).sort()) {
    const path = below === '' ? name : `${below}/${name}`;
    if (path === 'booth-digest.json') continue;
    if (statSync(join(root, path)).isDirectory()) files.push(...boothFilesOf(root, path));
    else files.push(boothFile(path, readFileSync(join(root, path))));
  }
  return files;
}
