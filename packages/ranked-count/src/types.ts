/**
 * @module The count's input and its result sheet (spec 12-count-rules.md §12.2, §12.7). Every
 * number on a sheet is a decimal string in the rule's own precision, so the sheet is plain JSON
 * that an outside count can compare byte for byte.
 */

/** The rule sets a manifest may name (spec §12.1). */
export type CountMethod = 'irv' | 'stv';
export type StvRules = 'ers97' | 'meek';

/** What the count is given: the contest's rules, its decrypted rankings and the lot seed. */
export interface CountInput {
  readonly method: CountMethod;
  /** Required for `stv`, absent for `irv`. */
  readonly rules?: StvRules;
  /** Places to fill; 1 for `irv`. */
  readonly seats: number;
  /** Number of candidates; a ranking names them by index 0 … candidates − 1. */
  readonly candidates: number;
  /** Each ballot's preferences, first preference first; may be truncated, may be empty. */
  readonly rankings: readonly (readonly number[])[];
  /** 32 bytes as 64 lower-case hex digits, fixed before the count (spec §12.3). */
  readonly seed: string;
}

/** A stable refusal (`count/kebab-reason`). */
export interface CountError {
  readonly code: `count/${string}`;
  readonly message: string;
  /** Which ballot, when one is at fault. */
  readonly ballot?: number;
}

/** What a stage did before its totals were taken (spec §12.7). */
export type StageAction =
  | { readonly type: 'first' }
  | { readonly type: 'surplus'; readonly candidate: number }
  /** Meek: the keep values re-iterated after an election, every surplus at once. */
  | { readonly type: 'surpluses' }
  | {
      readonly type: 'exclude';
      readonly candidates: readonly number[];
      /** ERS97: the transfer value of the batch this stage moved (one stage per batch). */
      readonly batch?: string;
    };

/** A tie the count had to break, and how (spec §12.3). */
export interface TieBreak {
  /** What was being chosen: whom to exclude, whose surplus first, who is elected. */
  readonly for: 'exclude' | 'surplus' | 'elect';
  readonly among: readonly number[];
  readonly by: 'earlier-stages' | 'lot';
  readonly chosen: readonly number[];
}

export interface Stage {
  /** 1-based. */
  readonly stage: number;
  readonly action: StageAction;
  /** Each candidate's vote after this stage, in the rule's precision. */
  readonly votes: readonly string[];
  readonly nonTransferable: string;
  /** The quota in force at the end of this stage (IRV: a majority of the continuing votes). */
  readonly quota: string;
  /** Deemed elected at this stage, in order. */
  readonly elected: readonly number[];
  /** Excluded at this stage (ERS97: on the stage of their first batch; or formally, at the end). */
  readonly excluded: readonly number[];
  readonly ties: readonly TieBreak[];
  /** Meek only: each candidate's keep value after this stage. */
  readonly keepValues?: readonly string[];
}

export interface ResultSheet {
  readonly method: CountMethod;
  readonly rules: StvRules | null;
  readonly seats: number;
  readonly candidates: number;
  /** Ballots with at least one preference: the total valid vote. */
  readonly ballots: number;
  /** Ballots with no preference at all: not in the total valid vote. */
  readonly blank: number;
  /** Decimal places of every value on the sheet. */
  readonly decimals: 0 | 2 | 9;
  readonly stages: readonly Stage[];
  /** Everyone elected, in the order they were deemed elected. */
  readonly elected: readonly number[];
}
