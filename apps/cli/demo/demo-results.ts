/**
 * @module The demo's last step: the record bundle fetched from the board into
 * DIR/record (nominations.json too, as the board serves it) and verified by the independent verifier, then DIR/result.json (published counts
 * beside the counts the demo intended), DIR/result.svg, the result table and where everything is.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type EventBody, type Manifest, declareResult } from '@scrutineer/record';
import type { ServerClient } from '../src/client/server-client.ts';
import {
  type ResultContest,
  formatResultTable,
  readRecordEvents,
  resultContests,
  verifyRecordDirectory,
  writeRecordFromServer,
} from '../src/commands/election/publish-record.ts';
import {
  formatDeclaration,
  writeDeclarationFiles,
} from '../src/commands/election/declaration-files.ts';

export interface DemoPublication {
  readonly client: ServerClient;
  readonly electionId: string;
  readonly out: string;
  readonly manifest: Manifest;
  readonly result: EventBody<'election-result'>;
  /** Per candidate of the first contest: [online, postal] votes the demo cast. */
  readonly intended: readonly [readonly number[], readonly number[]];
  /** Further online votes (0-based candidates) cast while open, e.g. by a test. */
  readonly extraOnline: readonly number[];
  /** Online ballots cast by others while open (`--serve`): counted, but not in `intended`. */
  readonly uncounted: number;
  readonly packsLine: string;
  readonly log: (message: string) => void;
  readonly elapsed: () => string;
}

export async function publishDemoRecord(
  publication: DemoPublication
): Promise<{ verified: boolean; matches: boolean; contests: ResultContest[] }> {
  const { out, log, elapsed, manifest } = publication;
  const recordDir = join(out, 'record');
  rmSync(recordDir, { recursive: true, force: true });
  await writeRecordFromServer(publication.client, publication.electionId, recordDir);
  const report = await verifyRecordDirectory(recordDir);
  log(
    `[${elapsed()}] record verified: ${report.ok ? 'VALID' : 'INVALID'} (stage ${report.stage}, ${report.events} events)`
  );
  for (const check of report.checks)
    if (check.status === 'failed')
      log(`  FAILED ${check.id} ${check.title}: ${check.failures[0]?.message ?? ''}`);

  const [online, postal] = publication.intended;
  const intendedOnline = [...online];
  for (const j of publication.extraOnline) intendedOnline[j] = (intendedOnline[j] ?? 0) + 1;
  const contests = resultContests(manifest, publication.result).map((contest, c) => ({
    ...contest,
    candidates: contest.candidates.map((row, j) => ({
      ...row,
      intended: c === 0 ? (intendedOnline[j] ?? 0) + (postal[j] ?? 0) : 0,
    })),
  }));
  for (const name of ['result.json', 'result.csv', 'result.svg', 'declaration.html'])
    rmSync(join(out, name), { force: true });
  // The declaration's files only for a record that verifies (spec §9.8); the demo's own
  // check, the votes it intended, rides along in result.json.
  const declaration = report.ok ? declareResult(manifest, readRecordEvents(recordDir)) : null;
  if (declaration !== null)
    writeDeclarationFiles(out, {
      ...declaration,
      contests: declaration.contests.map((contest, c) => ({
        ...contest,
        candidates: contest.candidates.map((row, j) => ({
          ...row,
          intended: contests[c]?.candidates[j]?.intended ?? 0,
        })),
      })),
    });
  const matches = contests.every((c) => c.candidates.every((r) => r.total === r.intended));
  log('');
  log(
    (declaration === null ? formatResultTable(contests) : formatDeclaration(declaration)).trimEnd()
  );
  log('');
  log(`Record:        ${recordDir}   (check it yourself: npx scrutineer verify ${recordDir})`);
  log(
    `Result:        ${join(out, 'declaration.html')} (printable), ${join(out, 'result.json')}, ${join(out, 'result.csv')}, chart ${join(out, 'result.svg')}`
  );
  log(`Roll audit:    ${join(out, 'roll-audit.csv')}`);
  log(`Packs:         ${publication.packsLine}`);
  log(
    matches && report.ok
      ? `The published totals equal the votes the demo cast, and the record verifies (${elapsed()}).`
      : report.ok && publication.uncounted > 0
        ? `The record verifies (${elapsed()}); ${publication.uncounted} ballot(s) cast by others while the election was open are in the totals but not in "intended".`
        : 'MISMATCH or INVALID record: see above.'
  );
  return { verified: report.ok, matches, contests };
}
