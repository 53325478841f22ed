/**
 * @module Closing nominations (spec §9.2.6): count each candidate's nominations; those at
 * or above the threshold go on the ballot, in ballot order (alphabetical by surname). Exactly one
 * qualifying candidate is elected unopposed and no members' ballot is created; with none, the
 * outcome says why. The public `nominations.json` carries everything needed to re-count, and the
 * manifest carries `{threshold, hash, qualified}`, the hash being SHA-256 of its canonical bytes.
 */
import { bytesToHex, sha256 } from '@scrutineer/crypto';
import { type Result, canonicalBytes, err, ok } from '@scrutineer/record';
import { nameTokens } from '../roll/name-similarity.ts';
import {
  type Candidate,
  type NominationRefusal,
  type NominationState,
  type Nomination,
} from './nomination-state.ts';

export const NOMINATIONS_FORMAT = 'scrutineer/nominations/v1';
export const DEFAULT_NOMINATION_THRESHOLD = 100;

export type NominationOutcome =
  | { readonly result: 'ballot'; readonly candidates: readonly string[] }
  | { readonly result: 'elected-unopposed'; readonly candidate: string }
  | { readonly result: 'no-qualifying-candidate'; readonly reason: string };

/** The public document (spec §9.1 `nominations.json`), written as canonical JSON. */
export interface NominationsDocument {
  readonly format: typeof NOMINATIONS_FORMAT;
  readonly threshold: number;
  /** How many people were entitled to nominate. */
  readonly nominators: number;
  /** Every nomination as recorded: nominator id, candidate id, form reference. */
  readonly nominations: readonly Nomination[];
  /** Every nominated candidate with their tally, in ballot order. */
  readonly candidates: readonly (Candidate & { readonly nominations: number })[];
  /** The ids at or above the threshold, in ballot order. */
  readonly qualified: readonly string[];
  readonly outcome: NominationOutcome;
}

/** The manifest's `nominations` field (spec §9.2.6). */
export interface NominationsManifestField {
  readonly threshold: number;
  readonly hash: string;
  readonly qualified: readonly string[];
}

export interface ClosedNominations {
  readonly state: NominationState;
  readonly document: NominationsDocument;
  /** The exact bytes to publish as nominations.json. */
  readonly bytes: Uint8Array;
  readonly manifestField: NominationsManifestField;
  /** The qualified candidates in ballot order, as a contest lists them (spec §9.2.1). */
  readonly ballot: readonly Candidate[];
}

/** Ballot order: surname (last word of the folded name), then the whole folded name, then id. */
export function compareBallotOrder(a: Candidate, b: Candidate): number {
  const keyOf = (c: Candidate): [string, string] => {
    const tokens = nameTokens(c.name);
    return [tokens[tokens.length - 1] ?? '', tokens.join(' ')];
  };
  const [surnameA, nameA] = keyOf(a);
  const [surnameB, nameB] = keyOf(b);
  if (surnameA !== surnameB) return surnameA < surnameB ? -1 : 1;
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function explainNoCandidate(
  tallied: readonly (Candidate & { nominations: number })[],
  threshold: number
): string {
  if (tallied.length === 0) return `no nominations were recorded; a candidate needs ${threshold}`;
  const best = [...tallied].sort((a, b) => b.nominations - a.nominations);
  const list = best.map((c) => `${c.name} ${c.nominations}`).join(', ');
  return `no candidate reached the threshold of ${threshold} nominations (${list})`;
}

/** Closes nominations at `threshold` (a whole number ≥ 1). Refuses if they are already closed. */
export function closeNominations(
  state: NominationState,
  threshold: number = DEFAULT_NOMINATION_THRESHOLD
): Result<ClosedNominations, NominationRefusal> {
  if (state.closed)
    return err({ code: 'nominations/closed', message: 'nominations are already closed' });
  if (!Number.isSafeInteger(threshold) || threshold < 1) {
    return err({
      code: 'nominations/invalid-threshold',
      message: `threshold ${threshold} must be a whole number ≥ 1`,
    });
  }
  const tally = new Map<string, number>();
  for (const n of state.nominations) tally.set(n.candidate, (tally.get(n.candidate) ?? 0) + 1);
  const tallied = [...state.candidates]
    .sort(compareBallotOrder)
    .map((c) => ({ id: c.id, name: c.name, nominations: tally.get(c.id) ?? 0 }));
  const ballot = tallied
    .filter((c) => c.nominations >= threshold)
    .map((c) => ({ id: c.id, name: c.name }));
  const qualified = ballot.map((c) => c.id);
  const outcome: NominationOutcome =
    qualified.length >= 2
      ? { result: 'ballot', candidates: qualified }
      : qualified.length === 1
        ? { result: 'elected-unopposed', candidate: qualified[0] as string }
        : { result: 'no-qualifying-candidate', reason: explainNoCandidate(tallied, threshold) };
  const document: NominationsDocument = {
    format: NOMINATIONS_FORMAT,
    threshold,
    nominators: state.nominators.length,
    nominations: state.nominations,
    candidates: tallied,
    qualified,
    outcome,
  };
  const bytes = canonicalBytes(document);
  return ok({
    state: { ...state, closed: true },
    document,
    bytes,
    manifestField: { threshold, hash: bytesToHex(sha256(bytes)), qualified },
    ballot,
  });
}
