/**
 * @module The officer's steps as the console takes them: the same endpoint calls, in the same
 * order, with the same local computation as the CLI's election-actions.ts (concluding the ceremony
 * from the board, loading the answers table in order and opening, tallying, combining k decryption
 * shares with the postal totals). The pure parts are the shared packages' (@scrutineer/protocol,
 * @scrutineer/record), so console and CLI cannot compute different things.
 */
import { hexToBytes, nobleGroup } from '@scrutineer/crypto';
import {
  type Manifest,
  type Result,
  auditedPostalTotals,
  bodiesOf,
  err,
  lastBodyOf,
  ok,
} from '@scrutineer/record';
import { computeResult, concludeCeremonyFromBodies, electionKeyBody } from '@scrutineer/protocol';
import { type CredentialEntry, consoleApi } from './console-api.ts';
import { boardEvents, boardManifest } from './console-board.ts';

export interface Officer {
  readonly electionId: string;
  /** The officer's bearer key: kept in the page (and this tab's sessionStorage) only. */
  readonly key: string;
}

/** A refusal the console words for a person (console-errors.ts maps the code). */
export interface StepProblem {
  readonly code: string;
  readonly detail: string;
}

const CREDENTIALS_PER_REQUEST = 10_000;
const group = nobleGroup;

/** `scrutineer election key`: conclude the ceremony from the board and publish the key. */
export async function publishElectionKey(officer: Officer): Promise<Result<string, StepProblem>> {
  const manifest = await boardManifest(officer.electionId);
  const events = await boardEvents(officer.electionId);
  const existing = lastBodyOf(events, 'election-key');
  if (existing !== undefined) return ok(existing.publicKey);
  const concluded = concludeCeremonyFromBodies(group, manifest, {
    commitments: bodiesOf(events, 'trustee-commitments'),
    shares: bodiesOf(events, 'trustee-shares'),
    complaints: bodiesOf(events, 'trustee-complaint'),
  });
  if (!concluded.ok) return err({ code: 'console/ceremony', detail: concluded.error.message });
  const body = electionKeyBody(group, concluded.value);
  await consoleApi.postElectionKey(officer.electionId, officer.key, body);
  return ok(body.publicKey);
}

interface AnswersTable {
  readonly electionId: string;
  readonly credentialListHash: string;
  /** With `style` and `weight` where the manifest has them (spec §13.1.1). */
  readonly entries: readonly CredentialEntry[];
}

/** The answers table `packs generate` writes (format scrutineer/answers/v1), checked lightly. */
export function readAnswersTable(
  text: string,
  electionId: string
): Result<AnswersTable, StepProblem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return err({ code: 'console/bad-json', detail: (error as Error).message });
  }
  const table = value as Partial<AnswersTable> & { format?: unknown };
  if (
    table.format !== 'scrutineer/answers/v1' ||
    table.electionId !== electionId ||
    typeof table.credentialListHash !== 'string' ||
    !Array.isArray(table.entries)
  )
    return err({ code: 'console/answers', detail: '' });
  return ok(table as AnswersTable);
}

/** `scrutineer election open`: load the answers table in its order, open, compare the list hash. */
export async function loadCredentialsAndOpen(
  officer: Officer,
  answers: AnswersTable
): Promise<Result<{ fingerprint: string | null }, StepProblem>> {
  const summary = await consoleApi.summary(officer.electionId);
  if (summary.stage === 'keyed') {
    const { postal } = (await boardManifest(officer.electionId)).channels;
    for (let i = 0; i < answers.entries.length; i += CREDENTIALS_PER_REQUEST) {
      const batch = answers.entries.slice(i, i + CREDENTIALS_PER_REQUEST).map((e) => ({
        key: e.key,
        answersHash: e.answersHash,
        ...(postal && e.returnCommitment !== undefined
          ? { returnCommitment: e.returnCommitment }
          : {}),
        // Spec §13.1.1: each key's ballot style and weight, as `packs generate` bound them.
        ...(e.style === undefined ? {} : { style: e.style }),
        ...(e.weight === undefined ? {} : { weight: e.weight }),
      }));
      await consoleApi.loadCredentials(officer.electionId, officer.key, batch);
    }
  }
  const opened = await consoleApi.open(officer.electionId, officer.key);
  if (opened.credentialListHash !== answers.credentialListHash)
    return err({ code: 'console/answers-mismatch', detail: '' });
  return ok({ fingerprint: (await consoleApi.summary(officer.electionId)).fingerprint });
}

/** The checkpoint sealing the encrypted tally (spec §8.2), as the trustees are told it. */
export interface TallyCheckpoint {
  readonly size: number;
  readonly root: string;
}

/** `scrutineer election tally`, first half: the board sums the counted ballots and seals them. */
export async function startTally(officer: Officer): Promise<TallyCheckpoint> {
  const events = await boardEvents(officer.electionId);
  const tally = events.find((e) => e.type === 'encrypted-tally');
  if (tally === undefined) {
    const posted = await consoleApi.tally(officer.electionId, officer.key);
    return { size: posted.checkpoint.size, root: posted.checkpoint.root };
  }
  return sealingCheckpoint(officer.electionId, tally.position);
}

/** The board's checkpoint just after the encrypted tally, read back when it was posted earlier. */
export async function sealingCheckpoint(
  electionId: string,
  tallyPosition: number
): Promise<TallyCheckpoint> {
  const text = await consoleApi.checkpoints(electionId);
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const checkpoint = JSON.parse(line) as TallyCheckpoint;
    if (checkpoint.size === tallyPosition + 1)
      return { size: checkpoint.size, root: checkpoint.root };
  }
  throw new Error('the board signed no checkpoint just after the encrypted tally');
}

/** `scrutineer election tally`, second half: with k shares on the board, compute and publish. */
export async function publishResult(
  officer: Officer,
  manifest: Manifest
): Promise<Result<true, StepProblem>> {
  const events = await boardEvents(officer.electionId);
  if (lastBodyOf(events, 'election-result') !== undefined) return ok(true);
  const summary = await consoleApi.summary(officer.electionId);
  const key = lastBodyOf(events, 'election-key');
  const tally = lastBodyOf(events, 'encrypted-tally');
  if (key === undefined || tally === undefined || summary.baseHash === null)
    return err({
      code: 'console/result',
      detail: 'the board has no election key or encrypted tally',
    });
  const counted = computeResult(
    group,
    manifest,
    hexToBytes(summary.baseHash),
    key,
    tally,
    bodiesOf(events, 'decryption-share'),
    auditedPostalTotals(manifest.contests, events)
  );
  if (!counted.ok) return err({ code: 'console/result', detail: counted.error.message });
  await consoleApi.publishResult(officer.electionId, officer.key, counted.value.result);
  return ok(true);
}
