/**
 * @module The officer's typed inputs to the postal audit's steps (spec §9.8): an observer's
 * commitment, the risk limit that starts the audit, an observer's revealed seed. Each is checked
 * against the event's own schema (record's board-event.ts) and turned into the body the board is
 * sent, so `scrutineer postal audit commit|start|reveal` and the console refuse the same input in
 * the same way, before anything is posted. Whether the step is one the procedure allows now is the
 * board's (its replay of the audit), not this.
 */
import { type EventBody, type Result, err, eventBodySchemas, ok } from '@scrutineer/record';

export type AuditStepCode =
  | 'postal-audit/invalid-observer'
  | 'postal-audit/invalid-commitment'
  | 'postal-audit/invalid-risk-limit'
  | 'postal-audit/invalid-seed';

export interface AuditStepProblem {
  readonly code: AuditStepCode;
  readonly message: string;
}

/** Spec §9.8.1: the observer's name as the record shows it. */
const observerOk = (observer: string): boolean =>
  eventBodySchemas['postal-audit-commit'].shape.observer.safeParse(observer).success;

/** 32 bytes as 64 lower-case hex digits (an upper-case paste is folded, spaces trimmed). */
const HEX_32 = /^[0-9a-f]{64}$/;

/** An observer's name and 32 hex bytes (commitment or seed), each refused with its own code. */
function observerAndHex(
  observer: string,
  hex: string,
  refusal: AuditStepProblem
): Result<{ observer: string; hex: string }, AuditStepProblem> {
  const name = observer.trim();
  if (!observerOk(name))
    return err({
      code: 'postal-audit/invalid-observer',
      message: `the observer "${name}" is not a name the record allows: a letter or digit, then up to 63 letters, digits, spaces, dots, hyphens or underscores`,
    });
  const bytes = hex.trim().toLowerCase();
  return HEX_32.test(bytes) ? ok({ observer: name, hex: bytes }) : err(refusal);
}

/** `postal audit commit --observer … --commitment …`. */
export function parseAuditCommit(
  observer: string,
  commitment: string
): Result<EventBody<'postal-audit-commit'>, AuditStepProblem> {
  const parsed = observerAndHex(observer, commitment, {
    code: 'postal-audit/invalid-commitment',
    message: 'the commitment is not 64 hexadecimal digits (as `postal audit seed` prints it)',
  });
  return parsed.ok ? ok({ observer: parsed.value.observer, commitment: parsed.value.hex }) : parsed;
}

/** `postal audit start --risk-limit <percent>`: a whole number of percent, 1 to 50. */
export function parseAuditStart(
  riskLimit: string
): Result<EventBody<'postal-audit-start'>, AuditStepProblem> {
  const text = riskLimit.trim().replace(/\s*%$/, '');
  const body = { riskLimit: /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN };
  return eventBodySchemas['postal-audit-start'].safeParse(body).success
    ? ok(body)
    : err({
        code: 'postal-audit/invalid-risk-limit',
        message: `the risk limit must be a whole number of percent from 1 to 50, not "${riskLimit}"`,
      });
}

/** `postal audit reveal --observer … --seed …`. */
export function parseAuditReveal(
  observer: string,
  seed: string
): Result<EventBody<'postal-audit-reveal'>, AuditStepProblem> {
  const parsed = observerAndHex(observer, seed, {
    code: 'postal-audit/invalid-seed',
    message: 'the seed is not 64 hexadecimal digits (as `postal audit seed` wrote it)',
  });
  return parsed.ok ? ok({ observer: parsed.value.observer, seed: parsed.value.hex }) : parsed;
}
