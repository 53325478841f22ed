/**
 * @module The security answers of a pack: what the registrar knows about each member to
 * ask at sign-in besides the code, keyed by the manifest's question ids. The registrar can answer
 * `dob` (date of birth, `YYYY-MM-DD`) and `postcode`. The printer's file and `scrutineer vote
 * --answers` write them as `dob=YYYY-MM-DD,postcode=SW1A 1AA`.
 */
import { type Result, err, ok } from '@scrutineer/record';
import type { Member } from '../roll/member.ts';

/** The question ids the roll can answer. */
export const ROLL_QUESTION_IDS = ['dob', 'postcode'] as const;

export type SecurityAnswers = Readonly<Record<string, string>>;

/** The member's answers to `questionIds`; throws for a question the roll cannot answer (a setup bug). */
export function memberAnswers(member: Member, questionIds: readonly string[]): SecurityAnswers {
  const answers: Record<string, string> = {};
  for (const id of questionIds) {
    if (id === 'dob') answers[id] = member.dateOfBirth;
    else if (id === 'postcode') answers[id] = member.postcode;
    else throw new RangeError(`packs/unknown-question: the roll cannot answer "${id}"`);
  }
  return answers;
}

/** `dob=1970-01-05,postcode=SW1A 1AA`, in the order of the questions. */
export function formatAnswers(questionIds: readonly string[], answers: SecurityAnswers): string {
  return questionIds.map((id) => `${id}=${answers[id] ?? ''}`).join(',');
}

export interface AnswersError {
  readonly code: 'answers/malformed';
  readonly message: string;
}

/** Reads `id=value,id=value` (spaces around items ignored; values may not contain `,` or `=`). */
export function parseAnswers(text: string): Result<SecurityAnswers, AnswersError> {
  const answers: Record<string, string> = {};
  for (const item of text.split(',')) {
    const match = /^\s*([a-z0-9][a-z0-9-]{0,31})\s*=([^=]*)$/.exec(item);
    if (match === null)
      return err({ code: 'answers/malformed', message: `"${item.trim()}" is not question=answer` });
    const id = match[1] as string;
    if (id in answers)
      return err({ code: 'answers/malformed', message: `${id} is answered twice` });
    answers[id] = (match[2] as string).trim();
  }
  return ok(answers);
}
