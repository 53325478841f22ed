/**
 * @module Nominations while they are open: one nomination per nominator, each with the
 * reference of its paper form. The state is a plain JSON value the officer's tool keeps in a file
 * between commands; {@link recordNomination} returns a new state or says why it refused.
 */
import { type Result, err, ok } from '@scrutineer/record';
import type { Nominator } from './nominators.ts';

export const NOMINATION_STATE_FORMAT = 'scrutineer/nomination-state/v1';

export interface Nomination {
  readonly nominator: string;
  /** The candidate's id (spec §9.2.1 id form), derived from the name: see {@link candidateId}. */
  readonly candidate: string;
  /** The reference printed on the nomination form. */
  readonly form: string;
}

export interface Candidate {
  readonly id: string;
  readonly name: string;
}

export interface NominationState {
  readonly format: typeof NOMINATION_STATE_FORMAT;
  readonly nominators: readonly Nominator[];
  /** In order of first nomination. */
  readonly candidates: readonly Candidate[];
  /** In the order recorded. */
  readonly nominations: readonly Nomination[];
  readonly closed: boolean;
}

export type NominationRefusalCode =
  | 'nominations/closed'
  | 'nominations/unknown-nominator'
  | 'nominations/already-nominated'
  | 'nominations/duplicate-form'
  | 'nominations/invalid-candidate'
  | 'nominations/invalid-form'
  | 'nominations/invalid-threshold'
  | 'nominations/invalid-state';

export interface NominationRefusal {
  readonly code: NominationRefusalCode;
  readonly message: string;
}

export function openNominations(nominators: readonly Nominator[]): NominationState {
  return {
    format: NOMINATION_STATE_FORMAT,
    nominators,
    candidates: [],
    nominations: [],
    closed: false,
  };
}

/**
 * A candidate's id: the name folded to `[a-z0-9-]` (accents dropped, other characters to hyphens),
 * at most 64 characters; `Alex Morgan` → `alex-morgan`. The same name in another case or spacing
 * names the same candidate. Undefined if nothing is left.
 */
export function candidateId(name: string): string | undefined {
  const id = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return id === '' ? undefined : id;
}

const refuse = (code: NominationRefusalCode, message: string) =>
  err<NominationRefusal>({ code, message });

/** Records `nominator`'s nomination of the candidate named `candidateName` on form `form`. */
export function recordNomination(
  state: NominationState,
  input: { readonly nominator: string; readonly candidateName: string; readonly form: string }
): Result<NominationState, NominationRefusal> {
  if (state.closed) return refuse('nominations/closed', 'nominations are closed');
  const nominator = state.nominators.find((n) => n.id === input.nominator);
  if (nominator === undefined) {
    return refuse(
      'nominations/unknown-nominator',
      `${input.nominator} is not on the list of nominators`
    );
  }
  const earlier = state.nominations.find((n) => n.nominator === nominator.id);
  if (earlier !== undefined) {
    const name =
      state.candidates.find((c) => c.id === earlier.candidate)?.name ?? earlier.candidate;
    return refuse(
      'nominations/already-nominated',
      `${nominator.name} (${nominator.id}) has already nominated ${name} on form ${earlier.form}; each nominator may nominate once`
    );
  }
  const form = input.form.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9./_-]{0,63}$/.test(form)) {
    return refuse(
      'nominations/invalid-form',
      `form reference "${input.form}" must be 1–64 letters, digits, ".", "/", "_" or "-"`
    );
  }
  const sameForm = state.nominations.find((n) => n.form === form);
  if (sameForm !== undefined) {
    return refuse(
      'nominations/duplicate-form',
      `form ${form} was already recorded for nominator ${sameForm.nominator}`
    );
  }
  const name = input.candidateName.normalize('NFC').trim().replace(/\s+/g, ' ');
  const id = candidateId(name);
  if (id === undefined || name.length > 200) {
    return refuse(
      'nominations/invalid-candidate',
      `"${input.candidateName}" is not a candidate's name`
    );
  }
  const known = state.candidates.some((c) => c.id === id);
  return ok({
    ...state,
    candidates: known ? state.candidates : [...state.candidates, { id, name }],
    nominations: [...state.nominations, { nominator: nominator.id, candidate: id, form }],
  });
}

/**
 * Reads a state file back by replaying it: the nominators, then every nomination through
 * {@link recordNomination}, so a hand-edited file breaking a rule (a nominator twice, an unknown
 * nominator, a repeated form) is refused with the rule's own message.
 */
export function parseNominationState(value: unknown): Result<NominationState, NominationRefusal> {
  const invalid = (message: string) => refuse('nominations/invalid-state', message);
  if (typeof value !== 'object' || value === null) return invalid('not a JSON object');
  const v = value as Partial<Record<keyof NominationState, unknown>>;
  if (v.format !== NOMINATION_STATE_FORMAT)
    return invalid(`format must be ${NOMINATION_STATE_FORMAT}`);
  if (
    !Array.isArray(v.nominators) ||
    !Array.isArray(v.candidates) ||
    !Array.isArray(v.nominations)
  ) {
    return invalid('nominators, candidates and nominations must be arrays');
  }
  if (typeof v.closed !== 'boolean') return invalid('closed must be true or false');
  const nominators = v.nominators.map((n: { id?: unknown; name?: unknown }) => ({
    id: String(n?.id),
    name: String(n?.name),
  }));
  if (new Set(nominators.map((n) => n.id)).size !== nominators.length)
    return invalid('a nominator id repeats');
  const names = new Map(
    v.candidates.map((c: { id?: unknown; name?: unknown }) => [String(c?.id), String(c?.name)])
  );
  let state = openNominations(nominators);
  for (const n of v.nominations as { nominator?: unknown; candidate?: unknown; form?: unknown }[]) {
    const candidateName = names.get(String(n?.candidate));
    if (candidateName === undefined || candidateId(candidateName) !== n?.candidate) {
      return invalid(`nomination of unknown candidate ${String(n?.candidate)}`);
    }
    const next = recordNomination(state, {
      nominator: String(n?.nominator),
      candidateName,
      form: String(n?.form),
    });
    if (!next.ok) return next;
    state = next.value;
  }
  if (state.candidates.length !== names.size) return invalid('a candidate has no nomination');
  return ok({ ...state, closed: v.closed });
}
