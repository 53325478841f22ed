import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '@scrutineer/api-contract';
import {
  type AuditProblem,
  type AuditedContest,
  PostalAuditReplay,
  auditSeedCommitment,
  isAuditProblem,
} from '@scrutineer/record';
import { setLanguage } from '../i18n/i18n.ts';
import { describeFailure, said } from './console-errors.ts';
import { consoleCy } from './i18n/console-messages-cy.ts';
import { consoleEn } from './i18n/console-messages-en.ts';

// setLanguage marks the page's <html lang>; these tests have no page, only that element's stand-in.
(globalThis as { document?: unknown }).document = { documentElement: { lang: 'en' } };

const contests: AuditedContest[] = [{ candidates: [{ id: 'kim' }, { id: 'pat' }] }] as never;
const HASH = 'cd'.repeat(32);

/** The board's refusal of an audit step: the replay's first problem, as the server sends it. */
function refusal(steps: (replay: PostalAuditReplay) => AuditProblem | undefined): ApiError {
  const replay = new PostalAuditReplay(contests);
  replay.observe(
    {
      type: 'postal-batch',
      body: { batch: 't1', papers: 2, spoilt: 0, contests: [{ counts: [1, 1] }] },
    },
    HASH
  );
  const problem = steps(replay);
  assert.ok(problem !== undefined, 'the replay refused nothing');
  // The console words it by its own code, which the server sends in place of the general one.
  assert.ok(problem.code !== undefined, `no code for: ${problem.message}`);
  return new ApiError(409, problem.code, problem.message);
}

const seed = 'ab'.repeat(32);
const commit = (replay: PostalAuditReplay) =>
  replay.observe(
    {
      type: 'postal-audit-commit',
      body: { observer: 'Ann', commitment: auditSeedCommitment('Ann', seed) },
    },
    HASH
  );
const start = (replay: PostalAuditReplay) =>
  replay.observe({ type: 'postal-audit-start', body: { riskLimit: 5 } }, HASH);

test("the board's audit refusals an officer meets in order are worded, in the page's language", () => {
  const cases: [ApiError, keyof typeof consoleEn][] = [
    [refusal((r) => start(r)[0]), 'error.auditNoCommitment'],
    [
      refusal((r) => {
        commit(r);
        start(r);
        const next = r.nextSample(false);
        return isAuditProblem(next) ? next : undefined;
      }),
      'error.auditUnrevealed',
    ],
    [
      refusal((r) => {
        commit(r);
        start(r);
        return r.observe(
          { type: 'postal-audit-reveal', body: { observer: 'Ann', seed: 'ef'.repeat(32) } },
          HASH
        )[0];
      }),
      'error.auditSeedMismatch',
    ],
  ];
  for (const [error, key] of cases) {
    setLanguage('en');
    assert.equal(describeFailure(error), consoleEn[key], error.detail);
    setLanguage('cy');
    assert.equal(describeFailure(error), consoleCy[key], error.detail);
  }
  setLanguage('en');
  // Any other refusal is quoted after the general words.
  assert.match(
    describeFailure(new ApiError(409, 'postal-audit/refused', 'something new')),
    /The board refused this audit step: something new/
  );
  // The words follow the code, not the message: a known reason under the general code is quoted.
  assert.match(
    describeFailure(
      new ApiError(409, 'postal-audit/refused', 'the risk limit is met: the audit can end')
    ),
    /The board refused this audit step: the risk limit is met/
  );
});

test('an error is worded each time it is shown, so it follows a switch of language', () => {
  const error = said(
    () => describeFailure(new ApiError(409, 'postal/duplicate-batch')),
    'batch-id'
  );
  setLanguage('en');
  assert.equal(error.text, consoleEn['error.duplicateBatch']);
  setLanguage('cy');
  assert.equal(error.text, consoleCy['error.duplicateBatch']);
  assert.equal(error.target, 'batch-id');
  setLanguage('en');
});
