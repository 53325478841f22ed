/**
 * @module The demo's members: who votes how, deterministically from their row in the
 * printer's file, and the online votes cast through the real HTTP API with the vote client's
 * library (several in flight at once), including Benaloh-audited ballots.
 */
import type { Group } from '@scrutineer/crypto';
import { type MemberRow, parseAnswers } from '@scrutineer/protocol';
import type { ServerClient } from '../src/client/server-client.ts';
import { type VotingSetup, castVote } from '../src/client/vote-client.ts';

export interface VoterPlan {
  readonly index: number;
  readonly row: MemberRow;
  readonly channel: 'online' | 'postal' | 'none';
  /** 0-based candidate, or a spoilt paper. */
  readonly choice: number | 'spoilt';
  readonly audit: boolean;
}

/** Members beyond the last `reserve` rows: 70 % online, 20 % by post (1 in 25 of those spoilt). */
export function planVotes(
  rows: readonly MemberRow[],
  candidates: number,
  options: { readonly reserve: number; readonly audits: number }
): VoterPlan[] {
  let audits = 0;
  return rows.map((row, index) => {
    const h = (index * 7 + 3) % 10;
    const choice = h < 6 || candidates < 2 ? 0 : 1 + (h % (candidates - 1));
    const slot = index % 10;
    const channel =
      index >= rows.length - options.reserve
        ? 'none'
        : slot < 7
          ? 'online'
          : slot < 9
            ? 'postal'
            : 'none';
    const audit = channel === 'online' && index > 0 && audits < options.audits && (audits++, true);
    return {
      index,
      row,
      channel,
      choice: channel === 'postal' && index % 50 === 7 ? 'spoilt' : choice,
      audit,
    };
  });
}

export function answersOf(row: MemberRow): Record<string, string> {
  const parsed = parseAnswers(row.answers);
  if (!parsed.ok) throw new Error(`pack ${row.pack_id}: ${parsed.error.message}`);
  return { ...parsed.value };
}

export interface OnlineVoting {
  readonly client: ServerClient;
  readonly group: Group;
  readonly electionId: string;
  readonly setup: VotingSetup;
}

/** Casts the online plans with `concurrency` voters at once; throws on any refusal. */
export async function castOnlineVotes(
  voting: OnlineVoting,
  plans: readonly VoterPlan[],
  concurrency: number,
  onProgress?: (done: number) => void
): Promise<{ accepted: number; audited: number }> {
  let next = 0;
  let accepted = 0;
  let audited = 0;
  const worker = async (): Promise<void> => {
    while (next < plans.length) {
      const plan = plans[next++];
      if (plan === undefined || typeof plan.choice !== 'number') continue;
      const outcome = await castVote({
        server: voting.client,
        electionId: voting.electionId,
        code: plan.row.code,
        answers: answersOf(plan.row),
        choices: [String(plan.choice + 1)],
        audit: plan.audit,
        group: voting.group,
        setup: voting.setup,
      });
      if (!outcome.ok)
        throw new Error(
          `pack ${plan.row.pack_id}: vote refused (${outcome.code}): ${outcome.message}`
        );
      accepted++;
      if (outcome.audited !== null) audited++;
      onProgress?.(accepted);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { accepted, audited };
}

/** Per candidate: the votes the plans intend on `channel` (spoilt papers count for nobody). */
export function intendedCounts(
  plans: readonly VoterPlan[],
  channel: 'online' | 'postal',
  candidates: number
): number[] {
  const counts = Array.from({ length: candidates }, () => 0);
  for (const plan of plans)
    if (plan.channel === channel && typeof plan.choice === 'number')
      counts[plan.choice] = (counts[plan.choice] ?? 0) + 1;
  return counts;
}
