/**
 * @module The ranked scenario's postal members (spec §9.5.3, §11.8 "Postal papers"): their packs
 * come back while voting is open (recorded from the return slips into one tray); after the close
 * the tray's papers, mixed and numbered, are keyed twice as the numbers in each ranked contest's
 * boxes (DIR/postal/tray-01-operator-{1,2}.csv), the first operator's slip on one box is caught by
 * the comparison and re-keyed, and the batch is posted through the same call as `scrutineer postal
 * batch`. The papers include the cases the reading rule decides: a repeated 1 (no first
 * preference), a gap (the ranking stops before it), a lone cross (a first preference alone) and a
 * paper void in the motion (spoilt whole).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shuffle } from '@scrutineer/protocol';
import type { TestVoter } from '@scrutineer/testkit';
import type { ServerClient } from '../src/client/server-client.ts';
import { postKeyedBatch } from '../src/commands/postal/postal.ts';

/**
 * Groups of identical postal papers: what is written in the leader's four boxes and the
 * committee's six (ballot order, `-` empty), the motion's mark, and the rankings the rule reads
 * from them (0-based; null for the paper void as a whole). With them Ben, not Cai, is elected
 * leader (Ben's postal first preferences keep him ahead until Cai is excluded and Cai's papers
 * transfer to him), and Finn takes the committee's third place from Huw.
 */
export const RANKED_POSTAL_PLAN: readonly {
  readonly count: number;
  readonly keyed: readonly [leader: string, committee: string, motion: string];
  readonly intended: readonly [leader: number[], committee: number[], motion: number[]] | null;
}[] = [
  { count: 5, keyed: ['2 1 - -', '- 1 - - 2 -', 'Yes'], intended: [[1, 0], [1, 4], [0]] },
  { count: 1, keyed: ['1 - - -', '2 1 - - - -', 'No'], intended: [[0], [1, 0], [1]] },
  // A lone cross in one box is a first preference for that candidate and no other (ERS practice).
  { count: 1, keyed: ['x - - -', '2 1 - - - -', 'No'], intended: [[0], [1, 0], [1]] },
  // A repeated 1 gives no first preference; a gap at 2 stops the committee ranking after Finn.
  { count: 1, keyed: ['1 1 - -', '- 1 - - 3 -', 'Yes'], intended: [[], [1], [0]] },
  { count: 1, keyed: ['- 1 3 -', 'x - - - - -', 'No'], intended: [[1], [0], [1]] },
  // Both Yes and No: the motion is overvoted, so the paper is void in every contest.
  { count: 1, keyed: ['1 2 3 4', '1 2 3 4 5 6', 'Yes;motion=No'], intended: null },
];

export const POSTAL_TRAY = 'tray-01';

/** The postal papers one by one, in plan order. */
export function rankedPostalPapers(): (typeof RANKED_POSTAL_PLAN)[number][] {
  return RANKED_POSTAL_PLAN.flatMap((g) => Array.from({ length: g.count }, () => g));
}

/** While voting is open: each postal member's return slip recorded into the tray. */
export async function receiveRankedPostal(
  client: ServerClient,
  electionId: string,
  adminKey: string,
  voters: readonly TestVoter[]
): Promise<void> {
  for (const voter of voters)
    await client.call('postalReceived', {
      params: { electionId },
      token: adminKey,
      body: {
        credential: voter.credential,
        returnSecret: voter.postalReturn.secret,
        batch: POSTAL_TRAY,
      },
    });
}

function keyedFile(papers: readonly (typeof RANKED_POSTAL_PLAN)[number][], slip: boolean): string {
  const rows = papers.map((p, i) => {
    const [leader, committee, motion] = p.keyed;
    // The slip: paper 1's leader boxes keyed with the first two numbers swapped.
    const boxes = slip && i === 0 ? leader.split(' ').reverse().join(' ') : leader;
    return `${i + 1},leader=${boxes};committee=${committee};motion=${motion}`;
  });
  return `${['paper,choice', ...rows].join('\n')}\n`;
}

/**
 * After the close: the tray's papers mixed and keyed twice; the mismatch found, the paper re-keyed,
 * the batch posted. Returns the number of papers and of spoilt papers posted.
 */
export async function postRankedPostal(
  client: ServerClient,
  electionId: string,
  adminKey: string,
  directory: string,
  log: (message: string) => void
): Promise<{ papers: number; spoilt: number }> {
  mkdirSync(directory, { recursive: true });
  const papers = shuffle(rankedPostalPapers());
  const firstPath = join(directory, `${POSTAL_TRAY}-operator-1.csv`);
  const secondPath = join(directory, `${POSTAL_TRAY}-operator-2.csv`);
  writeFileSync(firstPath, keyedFile(papers, true));
  writeFileSync(secondPath, keyedFile(papers, false));
  const entries = () => ({
    first: readFileSync(firstPath, 'utf8'),
    second: readFileSync(secondPath, 'utf8'),
  });
  let posted = await postKeyedBatch(client, electionId, adminKey, POSTAL_TRAY, entries());
  for (const m of posted.mismatches)
    log(
      `  ${POSTAL_TRAY}: paper ${m.paper} keyed "${m.first}" by operator 1 and "${m.second}" by operator 2: batch held back`
    );
  if (posted.mismatches.length > 0) {
    writeFileSync(firstPath, keyedFile(papers, false));
    log(
      `  ${POSTAL_TRAY}: the paper was checked and re-keyed by operator 1; the entries now agree`
    );
    posted = await postKeyedBatch(client, electionId, adminKey, POSTAL_TRAY, entries());
  }
  if (posted.mismatches.length > 0) throw new Error(`${POSTAL_TRAY}: entries still disagree`);
  log(
    `  ${POSTAL_TRAY} posted: ${posted.totals.papers} papers, ${posted.totals.spoilt} spoilt, their rankings in the batch`
  );
  return { papers: posted.totals.papers, spoilt: posted.totals.spoilt };
}
