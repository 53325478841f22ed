/**
 * @module The tally steps on the board (spec §8, §9.5, V7, V9). After close the board itself sums
 * the counted ballots' ciphertexts option by option (V7.2: every `ballot-cast`, or under
 * last-ballot-counts the last per credential; a credential received by post has no counted online
 * ballot, whenever that ballot was cast, spec §9.7.1 — the board refuses both channels for one
 * credential, so this only keeps the board's count the verifier's should it ever hold both) and publishes the `encrypted-tally`. Trustees then post decryption shares
 * (trustee-messages.ts). The officer publishes the `election-result`, which the board checks for
 * shape and for what it can recompute alone: postal counts equal the postal batches' sums and
 * total = online + postal (V9.2–V9.3). The online counts' correctness is the verifier's (V8–V9.1).
 */
import { TallyAccumulator } from '@scrutineer/protocol';
import { type Ballot, type EventBody, type Manifest, parseCanonicalJson } from '@scrutineer/record';
import { appendEvent } from '../board/append-event.ts';
import { signCheckpointLocked } from '../board/checkpoints.ts';
import { type Queryable, toNumber } from '../database/database.ts';
import { ServiceError } from '../http-errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { writeAuditLog } from './audit-log.ts';
import { replayPostalAudit } from './postal-audit.ts';
import { type Appended, parseEventBody, withLockedHead } from './setup-steps.ts';

const PAGE = 2000;

/**
 * The counted ballots in board order, with their credentials' weights (V7.2): every `ballot-cast`,
 * or under last-ballot-counts the last per credential; never a credential received by post. The
 * tally sums them; the ranked phase mixes their ranked entries (spec §11.5).
 */
export async function* countedBallots(
  transaction: Queryable,
  manifest: Manifest,
  electionId: string
): AsyncGenerator<{ ballot: Ballot; weight: number }> {
  const lastOnly = manifest.policy === 'last-ballot-counts';
  let after = -1;
  for (;;) {
    const rows = await transaction.query<{ body: string; position: unknown; weight: unknown }>(
      `SELECT b.body, b.position, c.weight FROM ballots b
         JOIN credentials c ON c.election_id = b.election_id AND c.credential = b.credential
       WHERE b.election_id = $1 AND b.kind = 'cast' AND b.position > $2
         AND NOT EXISTS (SELECT 1 FROM credential_uses u WHERE u.election_id = b.election_id AND u.credential = b.credential AND u.channel = 'postal')
         ${lastOnly ? "AND NOT EXISTS (SELECT 1 FROM ballots l WHERE l.election_id = b.election_id AND l.kind = 'cast' AND l.credential = b.credential AND l.position > b.position)" : ''}
       ORDER BY b.position LIMIT $3`,
      [electionId, after, PAGE]
    );
    for (const row of rows) {
      const json = parseCanonicalJson(row.body);
      if (!json.ok) throw new Error('stored ballot is not canonical');
      yield { ballot: json.value as Ballot, weight: toNumber(row.weight) };
      after = toNumber(row.position);
    }
    if (rows.length < PAGE) break;
  }
}

export async function postEncryptedTally(
  context: ServiceContext,
  electionId: string
): Promise<Appended & { ballots: number; checkpoint: { size: number; root: string } }> {
  return withLockedHead(context, electionId, async (transaction, head, election) => {
    if (head.stage !== 'closed')
      throw new ServiceError(
        'election/wrong-stage',
        `the tally follows close; the election is at ${head.stage}`
      );
    // V6.8: a postal audit that started ends before the tally (spec §9.8.4).
    const unfinished = (await replayPostalAudit(transaction, election)).beforeTally()[0];
    if (unfinished !== undefined)
      throw new ServiceError('postal-audit/unfinished', unfinished.message);
    // Spec §13.6: each ballot counts in the contests it covers, times its credential's weight.
    const tally = new TallyAccumulator(context.group, election.manifest);
    for await (const { ballot, weight } of countedBallots(
      transaction,
      election.manifest,
      electionId
    ))
      tally.add(ballot, weight);
    const body: EventBody<'encrypted-tally'> = tally.body();
    const counted = body.ballots;
    const appended = await appendEvent(transaction, head, 'encrypted-tally', body, context.clock());
    // Spec §8.2: the checkpoint that seals the tally; the officer announces it to the trustees
    // outside the server, and every decryption share binds it (or a later one).
    const sealed = await signCheckpointLocked(context, transaction, election, head);
    if (sealed === null) throw new Error('no checkpoint sealed the encrypted tally');
    await writeAuditLog(transaction, electionId, 'officer', 'encrypted-tally', {
      position: appended.position,
      ballots: counted,
    });
    return {
      position: appended.position,
      hash: appended.hash,
      ballots: counted,
      checkpoint: { size: sealed.size, root: sealed.root },
    };
  });
}

export async function postResult(
  context: ServiceContext,
  electionId: string,
  value: unknown
): Promise<Appended> {
  const body = parseEventBody('election-result', value);
  return withLockedHead(context, electionId, async (transaction, head, election) => {
    if (head.stage !== 'tallied')
      throw new ServiceError(
        'election/wrong-stage',
        `the result follows the tally; the election is at ${head.stage}`
      );
    if (head.shareCount < election.manifest.trustees.threshold)
      throw new ServiceError('election/nothing-counted');
    const contests = election.manifest.contests;
    // V9.2, spec §9.8.4: the batches' sums, or the hand counts after a full hand count.
    const postal = (await replayPostalAudit(transaction, election)).postalTotals();
    const shapeOk =
      body.contests.length === contests.length &&
      contests.every(
        (contest, c) => body.contests[c]?.options.length === contest.candidates.length
      );
    if (!shapeOk)
      throw new ServiceError(
        'request/invalid-body',
        'the result needs one entry per contest and candidate'
      );
    body.contests.forEach((contest, c) =>
      contest.options.forEach((option, j) => {
        if (option.postal !== postal[c]?.[j])
          throw new ServiceError(
            'request/invalid-body',
            `contest ${c} option ${j}: postal count is not the postal batches' sum (or the audit's full hand count)`
          );
        if (option.total !== option.online + option.postal)
          throw new ServiceError(
            'request/invalid-body',
            `contest ${c} option ${j}: total is not online + postal`
          );
      })
    );
    const appended = await appendEvent(transaction, head, 'election-result', body, context.clock());
    await signCheckpointLocked(context, transaction, election, head);
    await writeAuditLog(transaction, electionId, 'officer', 'election-result', {
      position: appended.position,
    });
    return { position: appended.position, hash: appended.hash };
  });
}

/** The published result, or `election/no-result`. */
export async function readResult(
  database: Queryable,
  electionId: string
): Promise<EventBody<'election-result'>> {
  const rows = await database.query<{ line: string }>(
    "SELECT line FROM events WHERE election_id = $1 AND type = 'election-result'",
    [electionId]
  );
  const json = rows[0] === undefined ? null : parseCanonicalJson(rows[0].line);
  if (json === null || !json.ok) throw new ServiceError('election/no-result');
  return (json.value as { body: EventBody<'election-result'> }).body;
}
