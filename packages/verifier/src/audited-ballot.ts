/**
 * @module One audited (device-check) ballot, found on a record's board by its tracker and checked
 * on its own (spec §9.4, check V5.10), so that a voter can confirm on a device other than the one
 * that encrypted it that the booth encrypted their choice. The CLI (`scrutineer verify --audit`)
 * and the web app call it; the whole record's V5.10 runs in {@link verifyRecord}.
 */
import { type Group, hexToBytes } from '@scrutineer/crypto';
import { type AuditedBallot, type Manifest, parseBoardEvent } from '@scrutineer/record';
import { auditedBallotFault } from './checks/ballot-crypto.ts';
import type { RecordSource } from './record-source.ts';

export type AuditFinding =
  | { readonly tracker: string; readonly found: false }
  | {
      readonly tracker: string;
      readonly found: true;
      /**
       * V5.10: the tracker is that of the ciphertexts and every ciphertext is (r·G, v·G + r·K)
       * for its published vote and randomness.
       */
      readonly opensCorrectly: boolean;
      /** Per contest: its title and the names of the candidates the ballot encrypts. */
      readonly choices: readonly { readonly contest: string; readonly chosen: readonly string[] }[];
    };

/**
 * The audited ballot with `tracker` (any case, spaces around it ignored) on the board of `source`,
 * checked against the election key: found or not, whether it opens correctly, and what it
 * encrypts. Found needs the setup and the election key on the board as well.
 */
export async function findAuditedBallot(
  group: Group,
  source: RecordSource,
  tracker: string
): Promise<AuditFinding> {
  const wanted = tracker.trim().toLowerCase();
  let manifest: Manifest | null = null;
  let electionKey: string | null = null;
  let audited: AuditedBallot | null = null;
  for await (const line of source.boardLines()) {
    const parsed = parseBoardEvent(JSON.parse(line));
    if (!parsed.ok) continue;
    const event = parsed.value;
    if (event.type === 'election-setup') manifest = event.body;
    else if (event.type === 'election-key') electionKey = event.body.publicKey;
    else if (event.type === 'ballot-audited' && event.body.tracker === wanted) audited = event.body;
  }
  if (audited === null || manifest === null || electionKey === null)
    return { tracker: wanted, found: false };
  const key = group.decodePoint(hexToBytes(electionKey));
  const opensCorrectly = auditedBallotFault({ group, electionKey: key }, audited) === null;
  return {
    tracker: wanted,
    found: true,
    opensCorrectly,
    choices: auditedChoices(manifest, audited),
  };
}

/**
 * What an audited ballot encrypts: per contest, the candidates whose published vote is 1; for a
 * ranked contest (spec §11.2) the candidates ranked, in preference order.
 */
export function auditedChoices(
  manifest: Manifest,
  audited: AuditedBallot
): { readonly contest: string; readonly chosen: readonly string[] }[] {
  return audited.contests.map((contest, c) => {
    const chosen: string[] = [];
    const stop = contest.ranked?.values.indexOf(0) ?? -1;
    for (const value of contest.ranked?.values.slice(0, Math.max(stop, 0)) ?? [])
      chosen.push(manifest.contests[c]?.candidates[value - 1]?.name ?? `option ${value}`);
    contest.selections.forEach((selection, j) => {
      if (selection.vote === 1)
        chosen.push(manifest.contests[c]?.candidates[j]?.name ?? `option ${j + 1}`);
    });
    return { contest: manifest.contests[c]?.title ?? `contest ${c + 1}`, chosen };
  });
}
