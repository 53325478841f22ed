/**
 * @module Test helper: what an outside verifier says of an election's record as the board
 * publishes it (spec §9.1): the bundle written to a fresh directory, then the verifier run on it.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type VerificationReport, verifyRecord } from '@scrutineer/verifier';
import { recordDirectory } from '@scrutineer/verifier/node';
import { writeRecordBundle, type Database } from '@scrutineer/server';

export async function verifyPublishedRecord(
  database: Database,
  electionId: string
): Promise<VerificationReport> {
  const directory = await mkdtemp(join(tmpdir(), 'scrutineer-published-'));
  await writeRecordBundle(database, electionId, directory);
  return verifyRecord(recordDirectory(directory));
}

/** Each failed check as `<id> <first failure>`: an empty list reads well in an assertion. */
export function failedChecksOf(report: VerificationReport): string[] {
  return report.checks
    .filter((c) => c.status === 'failed')
    .map((c) => `${c.id} ${c.failures[0]?.message}`);
}
