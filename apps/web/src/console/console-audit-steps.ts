/**
 * @module The officer's steps of the postal risk-limiting audit (spec §9.8), as `scrutineer postal
 * audit` takes them: `commit` (an observer's commitment), `start` (the risk limit), `reveal` (an
 * observer's seed), `sample` (the board draws the next round; `--full` escalates to a full hand
 * count) and `end` (the board states the outcome). What the officer typed is checked by the same
 * protocol functions as the CLI's before anything is posted; whether the procedure allows the step
 * now is the board's own replay, whose refusal comes back as an ApiError (console-errors.ts words
 * it). `count` is console-postal.ts's recordHandCount. A refused step posts nothing.
 */
import {
  type AuditStepProblem,
  parseAuditCommit,
  parseAuditReveal,
  parseAuditStart,
} from '@scrutineer/protocol';
import { type EventBody, type Result, err, ok } from '@scrutineer/record';
import type { Officer, StepProblem } from './console-actions.ts';
import { consoleApi } from './console-api.ts';

/** An observer's step: the typed text checked by the protocol, then posted; the observer's name. */
async function observerStep<B extends { readonly observer: string }>(
  parse: (observer: string, value: string) => Result<B, AuditStepProblem>,
  post: (body: B) => Promise<unknown>,
  observer: string,
  value: string
): Promise<Result<string, StepProblem>> {
  const body = parse(observer, value);
  if (!body.ok) return err({ code: body.error.code, detail: body.error.message });
  await post(body.value);
  return ok(body.value.observer);
}

/** `scrutineer postal audit commit --observer … --commitment …`. */
export const commitObserverSeed = (officer: Officer, observer: string, commitment: string) =>
  observerStep(
    parseAuditCommit,
    (body) => consoleApi.postalAuditCommit(officer.electionId, officer.key, body),
    observer,
    commitment
  );

/** `scrutineer postal audit reveal --observer … --seed …`. */
export const revealObserverSeed = (officer: Officer, observer: string, seed: string) =>
  observerStep(
    parseAuditReveal,
    (body) => consoleApi.postalAuditReveal(officer.electionId, officer.key, body),
    observer,
    seed
  );

/** `scrutineer postal audit start --risk-limit …`. */
export async function startAudit(
  officer: Officer,
  riskLimit: string
): Promise<Result<number, StepProblem>> {
  const body = parseAuditStart(riskLimit);
  if (!body.ok) return err({ code: body.error.code, detail: body.error.message });
  await consoleApi.postalAuditStart(officer.electionId, officer.key, body.value);
  return ok(body.value.riskLimit);
}

/** `scrutineer postal audit sample [--full]`: the board draws the round; the console only asks. */
export async function drawSample(
  officer: Officer,
  full: boolean
): Promise<EventBody<'postal-audit-sample'>> {
  return (await consoleApi.postalAuditSample(officer.electionId, officer.key, full)).body;
}

/** `scrutineer postal audit end`: the board appends the outcome the counts give, or refuses. */
export async function endAudit(officer: Officer): Promise<EventBody<'postal-audit-end'>> {
  return (await consoleApi.postalAuditEnd(officer.electionId, officer.key)).body;
}
