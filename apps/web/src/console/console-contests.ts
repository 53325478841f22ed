/**
 * @module The ballot event's contests as the console shows them while voting runs (spec §13.6,
 * §9.9): each contest's own electorate — the credentials on the board whose ballot style includes
 * it, and their weight — and its own turnout so far — the credentials that have cast a ballot
 * including it, and their weight, plus the postal packs received whose credential's style includes
 * it, and their weight (spec §13.2.1 steps 4 and 6). Only who has voted, read from the public board: no count of any option
 * before the result.
 */
import {
  type BoardEvent,
  type CredentialTerms,
  type Manifest,
  ballotContestIndexes,
  bodiesOf,
  contestsOfTerms,
  credentialTerms,
} from '@scrutineer/record';

export interface ContestTurnoutRow {
  readonly id: string;
  readonly title: string;
  /** Credentials whose style includes the contest, and their total weight. */
  readonly electorate: { readonly count: number; readonly weight: number };
  /** Credentials that have cast a ballot including it, and their total weight. */
  readonly online: { readonly count: number; readonly weight: number };
  /** Postal packs received whose credential's style includes the contest (spec §13.2.1). */
  readonly postal: number;
  /** Their total weight: a paper counts its member's weight (spec §13.2.1 step 6). */
  readonly postalWeight: number;
}

/** Each credential's terms (spec §13.1): from its `credentials` event, a replacement inheriting. */
function termsByCredential(
  manifest: Manifest,
  events: readonly BoardEvent[]
): Map<string, CredentialTerms> {
  const terms = new Map<string, CredentialTerms>();
  for (const body of bodiesOf(events, 'credentials')) {
    const read = credentialTerms(manifest, body).terms;
    body.keys.forEach((key, i) => terms.set(key, read[i] ?? { weight: 1 }));
  }
  for (const { revoked, replacement } of bodiesOf(events, 'credential-replaced')) {
    const inherited = terms.get(revoked);
    if (inherited !== undefined) terms.set(replacement, inherited);
  }
  return terms;
}

/**
 * Per contest in manifest order, its electorate and turnout so far; null for an election without
 * styles or weights, whose one electorate and turnout the console's turnout table already shows.
 */
export function contestTurnout(
  manifest: Manifest,
  events: readonly BoardEvent[]
): ContestTurnoutRow[] | null {
  if (manifest.styles === undefined && manifest.weights === undefined) return null;
  const terms = termsByCredential(manifest, events);
  const electorate = manifest.contests.map(() => ({ count: 0, weight: 0 }));
  // The credentials listed before the open (a replacement takes the place of the one it revokes).
  for (const body of bodiesOf(events, 'credentials'))
    for (const key of body.keys) {
      const own = terms.get(key) ?? { weight: 1 };
      for (const c of contestsOfTerms(manifest, own) ?? []) {
        const row = electorate[c];
        if (row !== undefined) {
          row.count += 1;
          row.weight += own.weight;
        }
      }
    }
  // Distinct credentials per contest: where the rules let a member vote again, once each.
  const voted = manifest.contests.map(() => new Set<string>());
  for (const { ballot } of bodiesOf(events, 'ballot-cast'))
    for (const c of ballotContestIndexes(manifest, ballot) ?? []) voted[c]?.add(ballot.credential);
  // A returned pack's paper is of its credential's style (§13.2.1): it counts in those contests.
  const postal = manifest.contests.map(() => 0);
  const postalWeight = manifest.contests.map(() => 0);
  for (const { credential } of bodiesOf(events, 'postal-received')) {
    const own = terms.get(credential) ?? { weight: 1 };
    for (const c of contestsOfTerms(manifest, own) ?? []) {
      postal[c] = (postal[c] ?? 0) + 1;
      postalWeight[c] = (postalWeight[c] ?? 0) + own.weight;
    }
  }
  return manifest.contests.map((contest, c) => {
    const credentials = [...(voted[c] ?? [])];
    return {
      id: contest.id,
      title: contest.title,
      electorate: electorate[c] ?? { count: 0, weight: 0 },
      online: {
        count: credentials.length,
        weight: credentials.reduce((sum, key) => sum + (terms.get(key)?.weight ?? 1), 0),
      },
      postal: postal[c] ?? 0,
      postalWeight: postalWeight[c] ?? 0,
    };
  });
}

/** part ÷ whole in percent, one decimal place, as the declaration writes it (§9.9); 0 of 0 is 0. */
export function percentText(part: number, whole: number): string {
  return whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1);
}
