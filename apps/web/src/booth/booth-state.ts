/**
 * @module The booth's state: which step the voter is on and what they have entered. It lives only
 * in memory (never in the URL or storage); the voting code and answers are dropped as soon as
 * sign-in succeeds, and the session token once the ballot is cast.
 */
import type { AuditedBallot, Ballot } from '@scrutineer/record';
import type { CredentialReport } from '../api.ts';
import type { CheckedElection } from '../election-check.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { ReceiptData } from '../worker-protocol.ts';

export interface FieldError {
  readonly key: MessageKey;
  readonly parameters?: Readonly<Record<string, string | number>>;
  /** The id of the field at fault, for the error summary's link. */
  readonly target?: string;
  /** The ids of every field at fault, marked invalid (a number in two ranking boxes marks both). */
  readonly fields?: readonly string[];
}

export type Step =
  | { readonly kind: 'landing' }
  | {
      readonly kind: 'sign-in';
      readonly errors: readonly FieldError[];
      readonly busy: boolean;
      /** Signing in again after a reload, to go on where the member was. */
      readonly resumed?: boolean;
    }
  | { readonly kind: 'voted'; readonly report: CredentialReport }
  | { readonly kind: 'pack'; readonly report: CredentialReport }
  | { readonly kind: 'ballot'; readonly errors: readonly FieldError[] }
  | { readonly kind: 'review' }
  | {
      readonly kind: 'encrypting';
      readonly stage: 'checking' | 'encrypting' | 'failed';
      /** Why it failed, when the booth refused rather than the device failing. */
      readonly message?: MessageKey;
    }
  | {
      readonly kind: 'decide';
      readonly busy: boolean;
      readonly error?: FieldError | undefined;
    }
  | {
      readonly kind: 'audited';
      readonly audited: AuditedBallot;
      readonly receipt: ReceiptData;
    }
  | { readonly kind: 'receipt'; readonly receipt: ReceiptData; readonly signatureValid: boolean }
  | { readonly kind: 'stopped'; readonly message: MessageKey };

export interface BoothState {
  readonly mode: 'vote' | 'pack';
  election: CheckedElection;
  step: Step;
  /** What the voter typed, kept only until sign-in succeeds. */
  code: string;
  answers: Record<string, string>;
  token: string | null;
  /**
   * Per contest, the chosen candidate indices in ballot order; for a ranked contest (spec §11.1)
   * the ranking, first preference first, once its boxes read as one.
   */
  choices: number[][];
  /** Per ranked contest, per candidate, what the member typed in the box (empty elsewhere). */
  rankingEntries: string[][];
  /**
   * Spec §13.2: the manifest indexes of the contests on this member's ballot (their style, given
   * at sign-in); null when the election has no ballot styles (every contest).
   */
  style: number[] | null;
  encrypted: {
    readonly ballot: Ballot;
    readonly tracker: string;
    readonly milliseconds: number;
    readonly preparationMilliseconds: number;
  } | null;
}

export function initialState(election: CheckedElection, mode: 'vote' | 'pack'): BoothState {
  return {
    mode,
    election,
    step: { kind: 'landing' },
    code: '',
    answers: {},
    token: null,
    choices: election.manifest.contests.map(() => []),
    rankingEntries: election.manifest.contests.map((contest) => contest.candidates.map(() => '')),
    style: null,
    encrypted: null,
  };
}

/** Whether contest c is on this member's ballot (spec §13.2). */
export function onBallot(state: Pick<BoothState, 'style'>, c: number): boolean {
  return state.style === null || state.style.includes(c);
}

/**
 * The election's stage as the member sees it (spec §9.6): voting not yet set up or open, open,
 * closed (by the officer, by the window's end on this device's clock — the server refuses a late
 * ballot either way — or cancelled), or counted (the tally includes the ballots).
 */
export type MemberStage = 'setup' | 'keyed' | 'open' | 'closed' | 'counted';

export function stageOf(boardStage: string, closes: string, now = Date.now()): MemberStage {
  switch (boardStage) {
    case 'keyed':
      return 'keyed';
    case 'open':
      return now >= Date.parse(closes) ? 'closed' : 'open';
    case 'closed':
    case 'cancelled':
      return 'closed';
    case 'tallied':
    case 'final':
      return 'counted';
    default:
      return 'setup';
  }
}

export function electionStage(election: CheckedElection): MemberStage {
  return stageOf(election.summary.stage, election.manifest.window.closes);
}
