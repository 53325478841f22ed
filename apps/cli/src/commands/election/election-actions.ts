/**
 * @module What the returning officer does against the server, as library functions the
 * `election` commands and the demo share: create the election from a draft, upload the nominations
 * document its manifest names (§9.2.6), conclude the ceremony and publish the election key (§7.6), load the credentials from the packs' answers table and
 * open (§9.3), close, and tally: the encrypted tally, k decryption shares from the board, the
 * result with the postal batch totals (§8, §9.5).
 */
import type { Endpoints, ResponseOf } from '@scrutineer/api-contract';
import { type Group, hexToBytes } from '@scrutineer/crypto';
import {
  computeResult,
  concludeCeremonyFromBodies,
  electionKeyBody,
  officerKeyHash,
  replacementRequestBody,
} from '@scrutineer/protocol';
import {
  type BoardEvent,
  type EventBody,
  type Manifest,
  auditedPostalTotals,
} from '@scrutineer/record';
import { bodiesOf, lastBodyOf } from '../../client/board-bodies.ts';
import { type ServerClient, pollUntil } from '../../client/server-client.ts';
import type { AnswersFile } from '../packs/pack-files.ts';
import type { ReplacementRequestFile } from '../packs/replacement-files.ts';

export interface OfficerContext {
  readonly client: ServerClient;
  readonly group: Group;
  readonly electionId: string;
  /** The returning officer's bearer key. */
  readonly adminKey: string;
  readonly log?: (message: string) => void;
}

const CREDENTIALS_PER_REQUEST = 10_000;

/** The returning officer's call of an endpoint of this election: its path and key filled in. */
function asOfficer(context: OfficerContext) {
  return { params: { electionId: context.electionId }, token: context.adminKey };
}

/** SHA-256 hex of a bearer key: what the server stores. */
export function bearerKeyHash(key: string): string {
  return officerKeyHash(key);
}

/** Creates the election from a manifest draft (without `board`); the board fills in its key. */
export async function createElectionOverHttp(
  client: ServerClient,
  operatorKey: string,
  draft: Record<string, unknown>,
  adminKey: string
): Promise<{ manifest: Manifest; manifestHash: string; boardPublicKey: string }> {
  return client.call('createElection', {
    token: operatorKey,
    body: { manifest: draft, adminKeyHash: bearerKeyHash(adminKey) },
  });
}

/** What the board answers to a nominations upload (`created` false: the same bytes were there). */
export type PublishedNominations = ResponseOf<Endpoints['publishNominations']>;

/**
 * Uploads the text of nominations.json (spec §9.2.6) to the board, which checks it against the
 * manifest's `nominations.hash` and serves it with the record bundle; the same text again is a
 * no-op, so a retried step is safe.
 */
export function publishNominationsDocument(
  context: OfficerContext,
  document: string
): Promise<PublishedNominations> {
  return context.client.call('publishNominations', { ...asOfficer(context), body: { document } });
}

/**
 * Waits until every trustee has dealt, then `complaintWaitMs` for complaints, concludes the
 * ceremony from the board and publishes the election key. Resolves to the key's hex.
 */
export async function publishElectionKey(
  context: OfficerContext,
  options: { readonly complaintWaitMs?: number; readonly timeoutMs?: number } = {}
): Promise<string> {
  const { client, group, electionId } = context;
  const manifest = await client.manifest(electionId);
  const n = manifest.trustees.members.length;
  const existing = lastBodyOf(await client.events(electionId), 'election-key');
  if (existing !== undefined) return existing.publicKey;
  await pollUntil(
    'every trustee to deal',
    async () => {
      const events = await client.events(electionId);
      return new Set(bodiesOf(events, 'trustee-shares').map((b) => b.trustee)).size === n
        ? true
        : undefined;
    },
    { timeoutMs: options.timeoutMs ?? 600_000 }
  );
  await new Promise((resolve) => setTimeout(resolve, options.complaintWaitMs ?? 2_000));
  const events = await client.events(electionId);
  const concluded = concludeCeremonyFromBodies(group, manifest, {
    commitments: bodiesOf(events, 'trustee-commitments'),
    shares: bodiesOf(events, 'trustee-shares'),
    complaints: bodiesOf(events, 'trustee-complaint'),
  });
  if (!concluded.ok)
    throw new Error(`the ceremony on the board concludes to no key: ${concluded.error.message}`);
  const result = concluded.value;
  const body = electionKeyBody(group, result);
  await context.client.call('postElectionKey', { ...asOfficer(context), body });
  context.log?.(
    `election key published: ${body.publicKey} (qualified trustees ${body.qualified.join(', ')})`
  );
  return body.publicKey;
}

/** The style and weight the answers table gives each key (spec §13.1, §13.4), where it gives any. */
function termsInAnswers(
  answers: AnswersFile
): (key: string) => { readonly style?: string; readonly weight?: number } {
  const byKey = new Map(answers.entries.map((e) => [e.key, e]));
  return (key) => {
    const entry = byKey.get(key);
    return {
      ...(entry?.style === undefined ? {} : { style: entry.style }),
      ...(entry?.weight === undefined ? {} : { weight: entry.weight }),
    };
  };
}

/** Loads the answers table (in its order: the credential list hash depends on it) and opens. */
export async function loadCredentialsAndOpen(
  context: OfficerContext,
  answers: AnswersFile,
  onProgress?: (done: number, total: number) => void,
  /**
   * Spec §13.1, §13.4: each key's ballot style and weight, when the manifest has them; by default
   * those `packs generate` wrote beside the key in the answers table.
   */
  termsOf: (key: string) => { readonly style?: string; readonly weight?: number } = termsInAnswers(
    answers
  )
): Promise<{ baseHash: string; credentialCount: number; credentialListHash: string }> {
  if (answers.electionId !== context.electionId)
    throw new Error(`the answers table is for ${answers.electionId}, not ${context.electionId}`);
  const summary = await context.client.summary(context.electionId);
  if (summary.stage === 'keyed') {
    // Spec §9.5: with a postal channel, each key goes with its return slip's commitment.
    const { postal } = (await context.client.manifest(context.electionId)).channels;
    for (let i = 0; i < answers.entries.length; i += CREDENTIALS_PER_REQUEST) {
      const batch = answers.entries.slice(i, i + CREDENTIALS_PER_REQUEST).map((e) => ({
        key: e.key,
        answersHash: e.answersHash,
        ...(postal ? { returnCommitment: e.returnCommitment } : {}),
        ...termsOf(e.key),
      }));
      await context.client.call('loadCredentials', {
        ...asOfficer(context),
        body: { credentials: batch },
      });
      onProgress?.(i + batch.length, answers.entries.length);
    }
  } else {
    throw new Error(`the election is ${summary.stage}: credentials are loaded when it is keyed`);
  }
  const opened = await context.client.call('open', asOfficer(context));
  if (opened.credentialListHash !== answers.credentialListHash)
    throw new Error(
      'the board computed another credential list hash than the packs: the printed fingerprint will not match'
    );
  return opened;
}

export async function closeVoting(context: OfficerContext): Promise<void> {
  await context.client.call('close', asOfficer(context));
}

/**
 * Per contest, per option: the postal counts the result carries (V9.2): the sums of the postal
 * batches on the board, or the hand counts after a postal audit's full hand count (spec §9.8.4).
 */
export function postalTotals(manifest: Manifest, events: readonly BoardEvent[]): number[][] {
  return auditedPostalTotals(manifest.contests, events);
}

/** The checkpoint that seals the encrypted tally, as `<size>:<root>` for `trustee decrypt --checkpoint`. */
export interface TallyCheckpoint {
  readonly size: number;
  readonly root: string;
}

export function formatCheckpoint(checkpoint: TallyCheckpoint): string {
  return `${checkpoint.size}:${checkpoint.root}`;
}

/**
 * Spec §8.2: the board's signed checkpoint just after the `encrypted-tally` event (the board signs
 * one as it appends the tally), read back when the tally was posted earlier.
 */
async function sealingCheckpoint(
  client: ServerClient,
  electionId: string,
  events: readonly BoardEvent[]
): Promise<TallyCheckpoint> {
  const tally = events.find((e) => e.type === 'encrypted-tally');
  if (tally === undefined) throw new Error('the board has no encrypted tally');
  const text = await client.recordFile(electionId, 'checkpoints.jsonl');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const checkpoint = JSON.parse(line) as TallyCheckpoint;
    if (checkpoint.size === tally.position + 1)
      return { size: checkpoint.size, root: checkpoint.root };
  }
  throw new Error('the board signed no checkpoint just after the encrypted tally');
}

export interface TallyOutcome {
  /** Announced to the trustees outside the server (`trustee decrypt --checkpoint`). */
  readonly checkpoint: TallyCheckpoint;
  readonly result: EventBody<'election-result'>;
  readonly trustees: readonly number[];
  readonly faults: readonly string[];
  readonly ballots: number;
}

/**
 * After close: the board's encrypted tally (posted if not yet) and the checkpoint that seals it,
 * which the officer announces to the trustees outside the server (`onWaiting` gets it); then waits
 * for k decryption shares, combines them with the postal totals and publishes the result.
 */
export async function tallyElection(
  context: OfficerContext,
  options: {
    readonly timeoutMs?: number;
    readonly onWaiting?: (checkpoint: TallyCheckpoint) => void;
    /** Each poll: decryption shares on the board so far, of the `needed` (k). */
    readonly onShares?: (received: number, needed: number) => void;
  } = {}
): Promise<TallyOutcome> {
  const { client, group, electionId } = context;
  const manifest = await client.manifest(electionId);
  let events = await client.events(electionId);
  let checkpoint: TallyCheckpoint;
  if (lastBodyOf(events, 'encrypted-tally') === undefined) {
    const posted = await context.client.call('tally', asOfficer(context));
    checkpoint = { size: posted.checkpoint.size, root: posted.checkpoint.root };
    context.log?.('encrypted tally posted: the board summed the counted ballots');
  } else {
    checkpoint = await sealingCheckpoint(client, electionId, events);
  }
  options.onWaiting?.(checkpoint);
  const k = manifest.trustees.threshold;
  events = await pollUntil(
    `${k} decryption shares`,
    async () => {
      const now = await client.events(electionId);
      const received = bodiesOf(now, 'decryption-share').length;
      options.onShares?.(Math.min(received, k), k);
      return received >= k ? now : undefined;
    },
    { timeoutMs: options.timeoutMs ?? 3_600_000 }
  );
  const summary = await client.summary(electionId);
  const key = lastBodyOf(events, 'election-key');
  const tally = lastBodyOf(events, 'encrypted-tally');
  if (key === undefined || tally === undefined || summary.baseHash === null)
    throw new Error('the board has no election key or encrypted tally');
  const counted = computeResult(
    group,
    manifest,
    hexToBytes(summary.baseHash),
    key,
    tally,
    bodiesOf(events, 'decryption-share'),
    postalTotals(manifest, events)
  );
  if (!counted.ok)
    throw new Error(
      `no result can be computed from the board: ${counted.error.code}: ${counted.error.message}`
    );
  const computed = counted.value;
  const existing = lastBodyOf(events, 'election-result');
  if (existing === undefined)
    await context.client.call('publishResult', { ...asOfficer(context), body: computed.result });
  return { ...computed, ballots: tally.ballots, checkpoint };
}

/**
 * Posts a replacement pack the registrar issued and approved (spec §9.5): the board revokes the old
 * credential and lists the new one only if the registrar's approval verifies under the manifest's
 * key, within its limit and before its cutoff. Resolves to the board position.
 */
export async function postReplacement(
  context: OfficerContext,
  request: ReplacementRequestFile
): Promise<{ position: number; hash: string }> {
  if (request.electionId !== context.electionId)
    throw new Error(`the request is for ${request.electionId}, not ${context.electionId}`);
  return context.client.call('replaceCredential', {
    ...asOfficer(context),
    body: replacementRequestBody(request),
  });
}
