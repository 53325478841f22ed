/**
 * @module Test helper: a member's voting code and answers in a 0600 file, for
 * `scrutineer vote --code-file` (the code never goes on a command line).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let directory: string | undefined;
let next = 0;

export function codeFile(code: string, answers: string): string {
  directory ??= mkdtempSync(join(tmpdir(), 'scrutineer-code-'));
  const path = join(directory, `member-${next++}.txt`);
  writeFileSync(path, `${code}\n${answers}\n`, { mode: 0o600 });
  return path;
}
