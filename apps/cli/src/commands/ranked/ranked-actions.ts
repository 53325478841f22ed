/**
 * @module The ranked phase from the command line (spec §11.5–§11.8, §12.7), one step per call,
 * each read from the board and posted through the officer's routes (a mix through its mix server's
 * own routes when no officer's key is given, spec §11.8), which check it before
 * appending (a refusal is thrown as an ApiError with its `mix/…` or `ranked/…` code): the next mix
 * of a contest, a trustee's shares of the round the board is at, the rankings and the count. A mix
 * and a round of shares are always staged part by part and committed (spec §11.8 "Staging",
 * docs/decisions/0033), whatever their size, a few parts at a time, so one path serves every
 * contest and a run cut short resumes, even after the board appended the step but its answer was
 * lost. The client waits out 429/503 (server-client.ts).
 */
import { type CiphertextRow, type Group, type Point, hexToBytes } from '@scrutineer/crypto';
import {
  combineRankedRound,
  mixBodies,
  mixOutputRows,
  rankedInputRows,
  rankedResultBody,
  mixStagedParts,
  rankedSharePartsOf,
  rankingsOfPrefixes,
  roundSize,
  shareStagedParts,
  type StagingTransport,
  submissionOf,
} from '@scrutineer/protocol';
import { countSeed } from '@scrutineer/ranked-count';
import {
  type Ballot,
  type BoardEvent,
  type Manifest,
  type MixBody,
  type RankedDecryptionShareBody,
  bodiesOf,
  isRankedContest,
  lastBodyOf,
  manifestHash,
  postalRankingsOf,
} from '@scrutineer/record';
import type { ServerClient } from '../../client/server-client.ts';
import { confirmStaged, postStaged } from './staged-post.ts';
import { mixerStagingTransport } from './staging-transport.ts';
import { rankedSharesOnAllCores } from './share-pool.ts';

export interface RankedContext {
  readonly client: ServerClient;
  readonly group: Group;
  readonly electionId: string;
  /**
   * The returning officer's key, for the officer's ranked routes (spec §11.8). A mix server posts
   * its mix without it, through its own routes, signed with its own key.
   */
  readonly adminKey?: string;
  /** The staging routes a step goes through (default: the officer's, staging-transport.ts). */
  readonly transport?: StagingTransport;
  readonly log?: (message: string) => void;
  /** Where a step waits on disk until the board has it (step-spool.ts; default a temp dir). */
  readonly spoolDir?: string;
  /** Staged parts uploaded at once (default `DEFAULT_CONCURRENCY`, staged-post.ts). */
  readonly concurrency?: number;
}

export interface RankedBoard {
  readonly manifest: Manifest;
  readonly events: readonly BoardEvent[];
  readonly contest: number;
  readonly candidates: number;
  readonly baseHash: Uint8Array;
  readonly publicKey: Point;
  readonly verificationKeys: readonly Point[];
  /** The last mix's output (the counted entries when no mix is posted yet). */
  readonly rows: readonly CiphertextRow[];
  readonly mixes: number;
  readonly mixers: number;
}

/** Contest `contest` by its id or 0-based index; throws if it is not ranked. */
export function rankedContestIndex(manifest: Manifest, contest: string): number {
  const index = manifest.contests.findIndex((c, i) => c.id === contest || `${i}` === contest);
  const spec = manifest.contests[index];
  if (spec === undefined || !isRankedContest(spec))
    throw new Error(`${contest} is not a ranked contest of ${manifest.electionId}`);
  return index;
}

/**
 * Spec §11.5: the counted ballots in board order — every `ballot-cast`, or under
 * last-ballot-counts the last per credential (the board refuses a mix of any other input).
 */
function countedBallots(manifest: Manifest, events: readonly BoardEvent[]): Ballot[] {
  const cast = bodiesOf(events, 'ballot-cast').map((b) => b.ballot);
  if (manifest.policy !== 'last-ballot-counts') return cast;
  const last = new Map(cast.map((b, i) => [b.credential, i]));
  return cast.filter((b, i) => last.get(b.credential) === i);
}

export async function readRankedBoard(
  context: RankedContext,
  contestName: string
): Promise<RankedBoard> {
  const { client, group, electionId } = context;
  const manifest = await client.manifest(electionId);
  const events = await client.events(electionId);
  const contest = rankedContestIndex(manifest, contestName);
  const key = lastBodyOf(events, 'election-key');
  const open = lastBodyOf(events, 'election-open');
  if (
    key === undefined ||
    open === undefined ||
    lastBodyOf(events, 'encrypted-tally') === undefined
  )
    throw new Error('the ranked phase follows the tally: run `scrutineer election tally` first');
  const mixParts = bodiesOf(events, 'mix').filter((m) => m.contest === contest);
  const mixers = [...new Set(mixParts.map((m) => m.mixer))];
  let rows: CiphertextRow[] = rankedInputRows(
    group,
    manifest,
    countedBallots(manifest, events),
    contest
  );
  for (const mixer of mixers)
    rows = mixOutputRows(
      group,
      mixParts.filter((m) => m.mixer === mixer)
    );
  return {
    manifest,
    events,
    contest,
    candidates: manifest.contests[contest]?.candidates.length ?? 0,
    baseHash: hexToBytes(open.baseHash),
    publicKey: group.decodePoint(hexToBytes(key.publicKey)),
    verificationKeys: key.verificationKeys.map((v) => group.decodePoint(hexToBytes(v))),
    rows,
    mixes: mixers.length,
    mixers: manifest.mixers?.members.length ?? 0,
  };
}

const officer = (context: RankedContext) => ({
  params: { electionId: context.electionId },
  ...(context.adminKey === undefined ? {} : { token: context.adminKey }),
});

/**
 * Spec §11.5, §11.8: mixer `mixer` shuffles its predecessor's output and posts its mix, signed
 * with its own secret key (the manifest's key for it). Without an officer's key in `context` it
 * goes through the mix server's own routes, every staging request signed with that key ("Posted by
 * its mix server"); with one, through the officer's routes, which only relay it.
 */
export async function postNextMix(
  ranked: RankedContext,
  contest: string,
  mixer: number,
  secretKey: bigint
): Promise<number> {
  const board = await readRankedBoard(ranked, contest);
  const context =
    ranked.adminKey === undefined
      ? {
          ...ranked,
          transport: mixerStagingTransport(ranked, {
            secretKey,
            manifestHash: manifestHash(board.manifest),
          }),
        }
      : ranked;
  const name = `mix-${board.contest}-${mixer}`;
  if (mixer <= board.mixes) {
    // The board has mixer m's mix: this run's, if its spool is left (the answer was lost).
    const mix = await confirmStaged<MixBody>(context, 'mix', name, mixStagedParts);
    if (mix !== undefined) {
      const rows = mix.reduce((sum, part) => sum + part.outputs.length, 0);
      context.log?.(`Mixer ${mixer} mixed ${rows} row(s) of contest ${contest}.`);
      return rows;
    }
  }
  if (mixer !== board.mixes + 1)
    throw new Error(`mixer ${mixer} is not next: ${board.mixes} mix(es) are on the board`);
  await postStaged(
    context,
    'mix',
    name,
    // One part: the whole mix, cut to the board's request limit when it is staged.
    () =>
      mixBodies(
        context.group,
        {
          baseHash: board.baseHash,
          publicKey: board.publicKey,
          contest: board.contest,
          mixer,
          inputs: board.rows,
        },
        { secretKey, manifestHash: manifestHash(board.manifest) },
        Math.max(1, board.rows.length)
      ),
    mixStagedParts
  );
  context.log?.(`Mixer ${mixer} mixed ${board.rows.length} row(s) of contest ${contest}.`);
  return board.rows.length;
}

/** The rounds on the board, combined: each row's prefix, and the round still open. */
function roundsOnBoard(context: RankedContext, board: RankedBoard) {
  const { group } = context;
  const shares = bodiesOf(board.events, 'ranked-decryption-share').filter(
    (s) => s.contest === board.contest
  );
  let prefixes: readonly (readonly number[])[] = board.rows.map(() => []);
  const trustees = board.manifest.trustees.members.length;
  for (let position = 0; ; position++) {
    const round = { contest: board.contest, rows: board.rows, prefixes, position };
    const ofRound = shares.filter((s) => s.position === position);
    if (roundSize(round) === 0) return { prefixes, open: null };
    const posted = [...new Set(ofRound.map((s) => s.trustee))];
    const outcome = combineRankedRound(group, {
      baseHash: board.baseHash,
      threshold: board.manifest.trustees.threshold,
      verificationKeys: board.verificationKeys,
      candidates: board.candidates,
      round,
      submissions: posted.map((t) =>
        submissionOf(
          group,
          trustees,
          ofRound.filter((s) => s.trustee === t)
        )
      ),
    });
    if (!outcome.ok) return { prefixes, open: { round, posted } };
    prefixes = outcome.prefixes;
  }
}

/**
 * Spec §11.6: trustee `trustee` posts its shares of the round the board is at; returns the round's
 * position, or null when it has posted them already (the others' are awaited) or none is left.
 */
export async function postRankedShares(
  context: RankedContext,
  contest: string,
  trustee: { readonly trustee: number; readonly secretShare: bigint }
): Promise<number | null> {
  const board = await readRankedBoard(context, contest);
  if (board.mixes < board.mixers)
    throw new Error(
      `${board.mixes} of ${board.mixers} mixes are on the board; decryption follows the last`
    );
  const { open } = roundsOnBoard(context, board);
  // Rounds the board has this trustee's shares of whose spool an earlier run left (the answer to
  // its commit was lost): confirmed, and the open round's counted as posted by this run.
  const mine = bodiesOf(board.events, 'ranked-decryption-share').filter(
    (s) => s.contest === board.contest && s.trustee === trustee.trustee
  );
  let confirmed: number | null = null;
  for (const position of new Set(mine.map((s) => s.position))) {
    const name = `shares-${board.contest}-${position}-${trustee.trustee}`;
    const round = await confirmStaged<RankedDecryptionShareBody>(
      context,
      'ranked-decryption-share',
      name,
      shareStagedParts
    );
    if (round !== undefined && position === open?.round.position) confirmed = position;
  }
  if (confirmed !== null) {
    context.log?.(`Trustee ${trustee.trustee}: shares of round ${confirmed} posted.`);
    return confirmed;
  }
  if (open === null || open.posted.includes(trustee.trustee)) return null;
  await postStaged(
    context,
    'ranked-decryption-share',
    `shares-${board.contest}-${open.round.position}-${trustee.trustee}`,
    async () => {
      const latest = await context.client.call('latestCheckpoint', {
        params: { electionId: context.electionId },
      });
      const checkpoint = { size: latest.size, root: hexToBytes(latest.root) };
      // Spec §11.6: the shares on every core of the trustee's machine (a small round on this thread).
      const shares = await rankedSharesOnAllCores(
        context.group,
        board.baseHash,
        { ...trustee, checkpoint },
        open.round
      );
      return rankedSharePartsOf(open.round, { ...trustee, checkpoint }, shares);
    },
    shareStagedParts
  );
  context.log?.(`Trustee ${trustee.trustee}: shares of round ${open.round.position} posted.`);
  return open.round.position;
}

/** Spec §11.6, §12.7: once every row reached its STOP, the rankings and their count. */
export async function postRankedCount(context: RankedContext, contest: string) {
  const board = await readRankedBoard(context, contest);
  const { prefixes, open } = roundsOnBoard(context, board);
  const rankings = open === null ? rankingsOfPrefixes(board.candidates, prefixes) : null;
  if (rankings === null)
    throw new Error(
      `round ${open?.round.position ?? '?'} is not decrypted yet (k trustees must post their shares)`
    );
  const body = { contest: board.contest, candidates: board.candidates, rankings };
  await context.client.call('postRankings', { ...officer(context), body });
  const close = board.events.find((e) => e.type === 'election-close');
  const covering =
    close === undefined
      ? undefined
      : (
          await context.client.call('checkpoints', {
            params: { electionId: context.electionId },
            query: { from: close.position + 1, limit: 1 },
          })
        ).checkpoints[0];
  if (covering === undefined) throw new Error('no checkpoint covers the close yet');
  const id = board.manifest.contests[board.contest]?.id ?? '';
  const seed = countSeed(manifestHash(board.manifest), covering.root, id);
  // Spec §11.8: the postal papers' rankings join the count, batch by batch in log order.
  const postal = postalRankingsOf(board.contest, bodiesOf(board.events, 'postal-batch'));
  const result = rankedResultBody(board.manifest, body, seed, postal);
  await context.client.call('postRankedResult', { ...officer(context), body: result });
  context.log?.(
    `Contest ${id}: ${rankings.length} online rankings, ${postal.length} postal, and the count published.`
  );
  return result;
}
