/**
 * @module The demo's postal channel (spec §9.5.3): the returned envelopes are scanned into trays of
 * `PAPERS_PER_BATCH` and uploaded from the scanner's file (DIR/postal/scanner.csv), then uploaded
 * again as a station would after a lost answer (nothing changes); after close each tray's ballot
 * papers, mixed and numbered as they come out of their inner envelopes, are keyed twice
 * (DIR/postal/tray-NN-operator-{1,2}.csv, `paper,choice`: no pack, envelope or member). The first
 * tray's second operator mis-keys one paper on purpose: the mismatch is flagged, the batch held
 * back, the paper re-keyed, and only then the batch's totals posted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type MemberRow,
  type ReturnSlip,
  batchTotals,
  compareEntries,
  encodeReturnSlip,
  parseKeyedEntries,
  parseReturnSlip,
  shuffle,
} from '@scrutineer/protocol';
import type { Manifest } from '@scrutineer/record';
import type { ServerClient } from '../src/client/server-client.ts';
import { receiveScannerFile } from '../src/commands/postal/scanner-file.ts';
import type { VoterPlan } from './demo-voting.ts';

export const PAPERS_PER_BATCH = 50;

/** The text of a member's return slip QR code (spec §9.5.3), as the PDF pack prints it. */
export function returnSlipText(row: MemberRow): string {
  return encodeReturnSlip({ credential: row.credential, returnSecret: row.return_secret });
}

/** The return slip as intake reads it: the slip's QR text parsed as a scanner's output would be. */
export function scanReturnSlip(row: MemberRow): ReturnSlip {
  const scanned = parseReturnSlip(returnSlipText(row));
  if (!scanned.ok) throw new Error(`pack ${row.pack_id}: ${scanned.error.message}`);
  return scanned.value;
}

const trayId = (n: number) => `tray-${String(n + 1).padStart(2, '0')}`;

/** The trays in order: the postal plans in scanning order, `PAPERS_PER_BATCH` a tray. */
function trays(plans: readonly VoterPlan[]): VoterPlan[][] {
  const out: VoterPlan[][] = [];
  for (let start = 0; start < plans.length; start += PAPERS_PER_BATCH)
    out.push(plans.slice(start, start + PAPERS_PER_BATCH));
  return out;
}

/**
 * Writes the scanner's file of every postal plan's envelope, uploads it, then uploads it again
 * (a retry must change nothing); throws on any refusal. Returns the envelopes received.
 */
export async function receivePostalPacks(
  client: ServerClient,
  electionId: string,
  adminKey: string,
  plans: readonly VoterPlan[],
  directory: string,
  log: (message: string) => void
): Promise<number> {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'scanner.csv');
  const lines = ['barcode,scanned_at,batch'];
  const scannedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  trays(plans).forEach((tray, n) => {
    for (const plan of tray) lines.push(`${returnSlipText(plan.row)},${scannedAt},${trayId(n)}`);
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
  const first = await receiveScannerFile(client, electionId, adminKey, path);
  if (first.refused.length > 0 || first.received !== plans.length)
    throw new Error(`scanner file: ${JSON.stringify(first)}`);
  const again = await receiveScannerFile(client, electionId, adminKey, path);
  if (again.received !== 0 || again.alreadyReceived !== plans.length)
    throw new Error(`the scanner file uploaded again changed the board: ${JSON.stringify(again)}`);
  log(
    `  ${path}: ${first.received} envelopes in ${trays(plans).length} trays received; uploaded again: ${again.received} received, ${again.alreadyReceived} already received (nothing changed)`
  );
  return first.received;
}

/** One operator's keyed file of a tray: its papers mixed, then numbered 1, 2, … */
function keyedFile(
  manifest: Manifest,
  choices: readonly VoterPlan['choice'][],
  miskey: number | null
): string {
  const names = manifest.contests[0]?.candidates.map((c) => c.name) ?? [];
  const lines = ['paper,choice'];
  choices.forEach((choice, i) => {
    let keyed = choice === 'spoilt' ? 'spoilt' : (names[choice] ?? '');
    if (i === miskey) keyed = choice === 0 ? (names[1] ?? 'spoilt') : (names[0] ?? '');
    lines.push(`${i + 1},${keyed}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Keys, reconciles and posts each tray's batch (after close). Returns what happened, for the log. */
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
  for (const [n, tray] of trays(plans).entries()) {
    const id = trayId(n);
    // The inner envelopes of a tray are mixed before they are opened: the order of the papers
    // says nothing about the order of the envelopes (spec §9.5.3).
    const choices = shuffle(tray.map((plan) => plan.choice));
    const firstPath = join(directory, `${id}-operator-1.csv`);
    const secondPath = join(directory, `${id}-operator-2.csv`);
    const miskey = n === 0 && choices.length > 1 ? 1 : null;
    writeFileSync(firstPath, keyedFile(manifest, choices, null));
    writeFileSync(secondPath, keyedFile(manifest, choices, miskey));
    // Reconciled from the files, as `postal batch --first … --second …` does.
    const first = parseKeyedEntries(readFileSync(firstPath, 'utf8'));
    let mismatches = compareEntries(first, parseKeyedEntries(readFileSync(secondPath, 'utf8')));
    if (mismatches.length > 0) {
      mismatchesFlagged += mismatches.length;
      for (const m of mismatches)
        log(
          `  ${id}: paper ${m.paper} keyed "${m.first}" by operator 1 and "${m.second}" by operator 2: batch held back`
        );
      writeFileSync(secondPath, keyedFile(manifest, choices, null));
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
