/**
 * @module Before the booth encrypts anything it recomputes the election's setup from the public
 * record (spec §9.3.1) with the verifier's `checkElectionSetup`: the manifest of `election-setup`,
 * the election key concluded afresh from the trustees' signed ceremony messages (spec §7.6) and
 * the base hash from that key and the `election-open` credential list (spec §9.3). A key that
 * does not follow from the ceremony — one the officer or the server made, and could decrypt
 * with — is refused (`key-not-from-ceremony`), and so is a summary that states other values than
 * the board. The fingerprint shown to the voter is derived from the recomputed base hash, to
 * match the one printed on the pack; receipts are checked against the manifest's board key.
 */
import { nobleGroup } from '@scrutineer/crypto';
import { type BoardEvent, type Manifest, parseBoardEvent } from '@scrutineer/record';
import { checkElectionSetup } from '@scrutineer/verifier';
import { type ElectionSummary, api } from './api.ts';

export interface CheckedElection {
  readonly summary: ElectionSummary;
  /** The body of `election-setup`, whose hash enters the base hash. */
  readonly manifest: Manifest;
  readonly manifestHash: string;
  /** `manifest.board.publicKey`: the only key a receipt is checked against (spec §10.4). */
  readonly boardPublicKey: string;
  /** Present once the election is open (key published and base hash fixed), all recomputed. */
  readonly keys: {
    readonly electionKey: string;
    readonly baseHash: string;
    readonly fingerprint: string;
  } | null;
}

export class ElectionCheckError extends Error {
  /** `key-not-from-ceremony`, `manifest-mismatch`, `key-mismatch`, or a `setup/…` code. */
  readonly reason: string;
  constructor(reason: string, detail = '') {
    super(detail === '' ? reason : `${reason}: ${detail}`);
    this.name = 'ElectionCheckError';
    this.reason = reason;
  }
}

/** The board's events from position 0 through `election-open` (all of them before it). */
async function setupEvents(electionId: string, size: number): Promise<BoardEvent[]> {
  const events: BoardEvent[] = [];
  for (let from = 0; from < size; from += 1000) {
    const page = await api.events(electionId, from, 1000);
    for (const value of page.events) {
      const parsed = parseBoardEvent(value);
      if (!parsed.ok) throw new ElectionCheckError('invalid-event', parsed.error.message);
      events.push(parsed.value);
      if (parsed.value.type === 'election-open') return events;
    }
    if (page.events.length === 0) break;
  }
  return events;
}

export async function loadCheckedElection(electionId: string): Promise<CheckedElection> {
  const summary = await api.summary(electionId);
  const checked = checkElectionSetup(nobleGroup, await setupEvents(electionId, summary.size));
  if (!checked.ok) {
    const { code, message } = checked.error;
    throw new ElectionCheckError(
      code === 'setup/key-not-from-ceremony' ? 'key-not-from-ceremony' : code,
      message
    );
  }
  const { manifest, manifestHash, boardPublicKey, electionKey, opening } = checked.value;
  if (manifestHash !== summary.manifestHash || manifest.electionId !== electionId)
    throw new ElectionCheckError('manifest-mismatch');
  const election = { summary, manifest, manifestHash, boardPublicKey };
  if (summary.baseHash === null || summary.electionKey === null) return { ...election, keys: null };
  if (electionKey === null || opening === null) throw new ElectionCheckError('setup-missing');
  if (electionKey.publicKey !== summary.electionKey || opening.baseHash !== summary.baseHash)
    throw new ElectionCheckError('key-mismatch');
  return {
    ...election,
    keys: {
      electionKey: electionKey.publicKey,
      baseHash: opening.baseHash,
      fingerprint: opening.fingerprint,
    },
  };
}
