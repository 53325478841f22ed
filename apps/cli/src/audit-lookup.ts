/**
 * @module `scrutineer verify DIR --audit <tracker>`: opens a Benaloh-challenged ballot from the
 * record and says what it encrypts (spec §9.4), so a voter can confirm, on a device other than
 * the one that encrypted it, that the booth encrypted their choice.
 */
import { type Group, decodeCiphertext, decodeScalar, hexToBytes } from '@scrutineer/crypto';
import { type AuditedBallot, type Manifest, parseBoardEvent } from '@scrutineer/record';
import type { RecordSource } from '@scrutineer/verifier';

export type AuditFinding =
  | { readonly tracker: string; readonly found: false }
  | {
      readonly tracker: string;
      readonly found: true;
      /** True iff every ciphertext is (r·G, v·G + r·K) for its published vote and randomness. */
      readonly opensCorrectly: boolean;
      /** Per contest: its title and the names of the candidates the ballot encrypts. */
      readonly choices: readonly { readonly contest: string; readonly chosen: readonly string[] }[];
    };

export async function openAuditedBallot(
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
  let opensCorrectly = true;
  const choices = audited.contests.map((contest, c) => {
    const chosen: string[] = [];
    contest.selections.forEach((selection, j) => {
      try {
        const ciphertext = decodeCiphertext(group, hexToBytes(selection.ciphertext), {
          allowIdentity: false,
        });
        const r = decodeScalar(hexToBytes(selection.randomness));
        const alpha = group.multiplyBase(r);
        const beta = group.add(group.multiplyBase(BigInt(selection.vote)), group.multiply(key, r));
        if (!group.equals(alpha, ciphertext.alpha) || !group.equals(beta, ciphertext.beta))
          opensCorrectly = false;
      } catch {
        opensCorrectly = false;
      }
      if (selection.vote === 1)
        chosen.push(manifest?.contests[c]?.candidates[j]?.name ?? `option ${j + 1}`);
    });
    return { contest: manifest?.contests[c]?.title ?? `contest ${c + 1}`, chosen };
  });
  return { tracker: wanted, found: true, opensCorrectly, choices };
}
