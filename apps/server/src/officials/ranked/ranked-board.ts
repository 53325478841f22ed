/**
 * @module What the board holds of one ranked contest's phase (spec §11.5–§11.8), read under the
 * head lock and decoded as the verifier decodes it: the cascade's input (the counted ballots'
 * ranked entries, countedBallots), each mix joined from its parts, each round's submissions, the
 * rankings and results. The checks before an append (ranked-phase.ts) run the verifier's V10 on it.
 */
import { type CiphertextRow, type Point, bytesToHex, hexToBytes } from '@scrutineer/crypto';
import {
  type Ballot,
  type EventBody,
  type EventType,
  isRankedContest,
  joinParts,
  parseCanonicalJson,
} from '@scrutineer/record';
import {
  mixOutputRows,
  mixProofOf,
  rankedInputHex,
  rankedInputRows,
  submissionOf,
} from '@scrutineer/protocol';
import type { RankedContestRecord } from '@scrutineer/verifier';
import { type Queryable, toNumber } from '../../database/database.ts';
import type { ElectionRecord } from '../../elections/election-cache.ts';
import { ServiceError } from '../../http-errors.ts';
import type { ServiceContext } from '../../service-context.ts';
import { countedBallots } from '../tally.ts';
import { cascadeInputKey, checkedMixers, nextMixKey } from './checked-mixes.ts';

export async function bodiesOf<T extends EventType>(
  transaction: Queryable,
  electionId: string,
  type: T
): Promise<{ position: number; body: EventBody<T>; line: string }[]> {
  const rows = await transaction.query<{ line: string; position: unknown }>(
    'SELECT line, position FROM events WHERE election_id = $1 AND type = $2 ORDER BY position',
    [electionId, type]
  );
  return rows.map((row) => {
    const json = parseCanonicalJson(row.line);
    if (!json.ok) throw new Error(`stored ${type} is not canonical`);
    return {
      position: toNumber(row.position),
      body: (json.value as { body: EventBody<T> }).body,
      line: row.line,
    };
  });
}

export interface RankedBoard {
  readonly contest: number;
  readonly candidates: number;
  readonly mixers: number;
  readonly baseHash: Uint8Array;
  readonly publicKey: Point;
  readonly verificationKeys: readonly Point[];
  readonly qualified: readonly number[];
  readonly threshold: number;
  readonly inputs: readonly CiphertextRow[];
  readonly mixes: RankedContestRecord['mixes'];
  /** Each mix's cache key (checked-mixes.ts), hex, in mixer order; then the key a next mix chains on. */
  readonly mixKeys: readonly { readonly mixer: number; readonly key: string }[];
  readonly lastKey: Uint8Array;
  /** The mixers whose proof the board has checked before under the same key. */
  readonly checkedMixes: ReadonlySet<number>;
  readonly rounds: RankedContestRecord['rounds'];
  readonly rankings: readonly EventBody<'ranked-rankings'>[];
  readonly results: readonly EventBody<'ranked-result'>[];
}

/** Refuses a contest that is not ranked; returns the board's ranked phase of it so far. */
export async function readRankedBoard(
  context: ServiceContext,
  transaction: Queryable,
  election: ElectionRecord,
  contest: number
): Promise<RankedBoard> {
  const { group } = context;
  const { manifest } = election;
  const spec = manifest.contests[contest];
  if (spec === undefined || !isRankedContest(spec)) throw new ServiceError('ranked/not-ranked');
  const id = election.electionId;
  const key = (await bodiesOf(transaction, id, 'election-key')).at(-1)?.body;
  const open = (await bodiesOf(transaction, id, 'election-open')).at(-1)?.body;
  const tallied = (await bodiesOf(transaction, id, 'encrypted-tally')).length > 0;
  if (key === undefined || open === undefined || !tallied)
    throw new ServiceError('election/wrong-stage', 'the ranked phase follows the tally');
  const n = spec.candidates.length;
  const counted: Ballot[] = [];
  for await (const { ballot } of countedBallots(transaction, manifest, id)) counted.push(ballot);
  const inputHex = rankedInputHex(manifest, counted, contest);
  const inputs = rankedInputRows(group, manifest, counted, contest);

  const mixEvents = (await bodiesOf(transaction, id, 'mix')).filter(
    (m) => m.body.contest === contest
  );
  const mixers = [...new Set(mixEvents.map((m) => m.body.mixer))];
  const mixKeys: { mixer: number; key: string }[] = [];
  let lastKey: Uint8Array = cascadeInputKey(inputHex);
  for (const mixer of mixers) {
    lastKey = nextMixKey(
      lastKey,
      mixEvents.filter((m) => m.body.mixer === mixer).map((m) => m.line)
    );
    mixKeys.push({ mixer, key: bytesToHex(lastKey) });
  }
  const checkedMixes = await checkedMixers(transaction, id, contest, mixKeys);
  const mixes: RankedContestRecord['mixes'][number][] = [];
  let previous: readonly CiphertextRow[] = inputs;
  for (const mixer of mixers) {
    const parts = mixEvents.filter((m) => m.body.mixer === mixer).map((m) => m.body);
    const outputs = mixOutputRows(group, parts);
    // A checked mix's proof is not read again (the verifier skips it), so it is decoded only if asked.
    mixes.push({
      mixer,
      inputs: previous,
      outputs,
      get proof() {
        return mixProofOf(group, parts, n + 1);
      },
    });
    previous = outputs;
  }

  const trustees = manifest.trustees.members.length;
  const shares = (await bodiesOf(transaction, id, 'ranked-decryption-share')).filter(
    (s) => s.body.contest === contest
  );
  const rounds = [...new Set(shares.map((s) => s.body.position))].map((position) => {
    const ofRound = shares.filter((s) => s.body.position === position).map((s) => s.body);
    return {
      position,
      submissions: [...new Set(ofRound.map((s) => s.trustee))].map((trustee) =>
        submissionOf(
          group,
          trustees,
          ofRound.filter((s) => s.trustee === trustee)
        )
      ),
    };
  });
  return {
    contest,
    candidates: n,
    mixers: manifest.mixers?.members.length ?? 0,
    baseHash: hexToBytes(open.baseHash),
    publicKey: group.decodePoint(hexToBytes(key.publicKey)),
    verificationKeys: key.verificationKeys.map((v) => group.decodePoint(hexToBytes(v))),
    qualified: key.qualified,
    threshold: manifest.trustees.threshold,
    inputs,
    mixes,
    mixKeys,
    lastKey,
    checkedMixes,
    rounds,
    rankings: (await bodiesOf(transaction, id, 'ranked-rankings'))
      .filter((r) => r.body.contest === contest)
      .map((r) => r.body),
    results: (await bodiesOf(transaction, id, 'ranked-result'))
      .filter((r) => r.body.contestId === spec.id)
      .map((r) => r.body),
  };
}

/** Spec §11.8: parts that join (numbered in order, agreeing on `same`), or `ranked/invalid-parts`. */
export function joinedOrRefuse<T extends { readonly part: number; readonly parts: number }>(
  parts: readonly T[],
  same: (a: T, b: T) => boolean
): readonly T[] {
  const joined = joinParts(parts, same);
  if (!joined.ok) throw new ServiceError('ranked/invalid-parts', joined.message);
  return joined.parts;
}
