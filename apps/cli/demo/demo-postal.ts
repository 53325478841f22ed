/**
 * @module The demo's postal channel: returned packs recorded from their return slips (pack
 * id and return secret, spec §9.5) during voting,
 * and after close the papers keyed twice per batch (DIR/postal/batch-NN-operator-{1,2}.csv). The
 * first batch's second operator mis-keys one paper on purpose: the mismatch is flagged, the batch
 * held back, the paper re-keyed, and only then the batch's totals posted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type PrintRow,
  type ReturnSlip,
  encodeReturnSlip,
  parseReturnSlip,
} from '@scrutineer/protocol';
import type { Manifest } from '@scrutineer/record';
import type { ServerClient } from '../src/client/server-client.ts';
import {
  batchTotals,
  compareEntries,
  parseKeyedEntries,
} from '../src/commands/postal/postal-batch.ts';
import { receivePostalPack } from '../src/commands/postal/postal.ts';
import type { VoterPlan } from './demo-voting.ts';

export const PAPERS_PER_BATCH = 50;

/**
 * The return slip as intake reads it: the text of the slip's QR code (spec §9.5), made from the
 * printer's row as the PDF pack prints it, then parsed as a scanner's output would be.
 */
export function scanReturnSlip(row: PrintRow): ReturnSlip {
  const scanned = parseReturnSlip(
    encodeReturnSlip({ packId: row.pack_id, returnSecret: row.return_secret })
  );
  if (!scanned.ok) throw new Error(`pack ${row.pack_id}: ${scanned.error.message}`);
  return scanned.value;
}

/** Records every postal plan's returned pack from its slip; throws on an unexpected refusal. */
export async function receivePostalPacks(
  client: ServerClient,
  electionId: string,
  adminKey: string,
  plans: readonly VoterPlan[]
): Promise<number> {
  let received = 0;
  for (const plan of plans) {
    const refused = await receivePostalPack(client, electionId, adminKey, scanReturnSlip(plan.row));
    if (refused !== null)
      throw new Error(`pack ${plan.row.pack_id}: postal return refused (${refused})`);
    received++;
  }
  return received;
}

function keyedFile(
  manifest: Manifest,
  papers: readonly VoterPlan[],
  miskey: number | null
): string {
  const names = manifest.contests[0]?.candidates.map((c) => c.name) ?? [];
  const lines = ['pack_id,choice'];
  papers.forEach((plan, i) => {
    let choice = plan.choice === 'spoilt' ? 'spoilt' : (names[plan.choice] ?? '');
    if (i === miskey) choice = plan.choice === 0 ? (names[1] ?? 'spoilt') : (names[0] ?? '');
    lines.push(`${plan.row.pack_id},${choice}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Keys, reconciles and posts the batches (after close). Returns what happened, for the log. */
export async function postPostalBatches(
  client: ServerClient,
  electionId: string,
  adminKey: string,
  manifest: Manifest,
  plans: readonly VoterPlan[],
  directory: string,
  log: (message: string) => void
): Promise<{ batches: number; papers: number; spoilt: number; mismatchesFlagged: number }> {
  mkdirSync(directory, { recursive: true });
  let papers = 0;
  let spoilt = 0;
  let mismatchesFlagged = 0;
  let batches = 0;
  for (let start = 0; start < plans.length; start += PAPERS_PER_BATCH) {
    const batch = plans.slice(start, start + PAPERS_PER_BATCH);
    const id = `batch-${String(batches + 1).padStart(2, '0')}`;
    const firstPath = join(directory, `${id}-operator-1.csv`);
    const secondPath = join(directory, `${id}-operator-2.csv`);
    const miskey = batches === 0 && batch.length > 1 ? 1 : null;
    writeFileSync(firstPath, keyedFile(manifest, batch, null));
    writeFileSync(secondPath, keyedFile(manifest, batch, miskey));
    // Reconciled from the files, as `postal batch --first … --second …` does.
    const first = parseKeyedEntries(readFileSync(firstPath, 'utf8'));
    let mismatches = compareEntries(first, parseKeyedEntries(readFileSync(secondPath, 'utf8')));
    if (mismatches.length > 0) {
      mismatchesFlagged += mismatches.length;
      for (const m of mismatches)
        log(
          `  ${id}: paper ${m.paper} keyed "${m.first}" by operator 1 and "${m.second}" by operator 2: batch held back`
        );
      writeFileSync(secondPath, keyedFile(manifest, batch, null));
      mismatches = compareEntries(first, parseKeyedEntries(readFileSync(secondPath, 'utf8')));
      log(`  ${id}: the paper was checked and re-keyed by operator 2; the entries now agree`);
    }
    if (mismatches.length > 0) throw new Error(`${id}: entries still disagree`);
    const totals = batchTotals(manifest, first);
    await client.call('postalBatch', {
      params: { electionId: electionId },
      token: adminKey,
      body: { batch: id, ...totals },
    });
    papers += totals.papers;
    spoilt += totals.spoilt;
    batches++;
  }
  return { batches, papers, spoilt, mismatchesFlagged };
}
