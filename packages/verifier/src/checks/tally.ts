/**
 * @module V7–V9: the encrypted tally is the sum of the counted ballots, k trustees' shares decrypt
 * it, and the published result is what they decrypt to plus the postal totals (spec §8, §9.5).
 */
import {
  type Ciphertext,
  type DecryptionTarget,
  type Group,
  type Point,
  aggregateBindings,
  bytesToHex,
  combineDecryptionsUnsafe,
  decodeCiphertext,
  encodeCiphertext,
  hexToBytes,
  recoverPlaintextsUnsafe,
} from '@scrutineer/crypto';
import {
  type BoardEvent,
  type EventBody,
  type Manifest,
  decodeDecryptionBody,
} from '@scrutineer/record';
import type { ReportBuilder } from '../report.ts';
import { checkTrusteeSignature } from './ceremony.ts';
import type { TrusteePublicKey } from '@scrutineer/crypto';

type Event<T extends BoardEvent['type']> = Extract<BoardEvent, { type: T }>;

/** V7.1–V7.2: the published tally against the ledger's count and the recomputed aggregate. */
export function checkEncryptedTally(
  group: Group,
  event: Event<'encrypted-tally'>,
  countedBallots: number,
  aggregate: readonly (readonly Ciphertext[])[],
  report: ReportBuilder
): void {
  const body = event.body;
  report.check(
    'V7.1',
    body.ballots === countedBallots,
    () => `tally counts ${body.ballots} ballots; ${countedBallots} count`,
    event.position
  );
  aggregate.forEach((options, c) =>
    options.forEach((ciphertext, j) => {
      const published = body.contests[c]?.options[j];
      const expected = bytesToHex(encodeCiphertext(group, ciphertext));
      report.check(
        'V7.2',
        published === expected,
        () => `aggregate of contest ${c} option ${j} differs from the sum of counted ballots`,
        event.position
      );
    })
  );
  const shapeOk =
    body.contests.length === aggregate.length &&
    body.contests.every((c, i) => c.options.length === aggregate[i]?.length);
  report.check(
    'V7.2',
    shapeOk,
    () => 'the tally does not have one aggregate per option',
    event.position
  );
}

/**
 * V12.4 (spec §13.6): with styles, each contest's `ballots` is the number of counted ballots that
 * include it; with weights, each contest's `weight` and the tally's `weight` are their total
 * weight. Without styles (weights) the fields are absent.
 */
export function checkTallyTerms(
  manifest: Manifest,
  event: Event<'encrypted-tally'>,
  counted: { readonly ballots: number[]; readonly weights: number[]; readonly weight: number },
  report: ReportBuilder
): void {
  const styled = manifest.styles !== undefined;
  const weighted = manifest.weights !== undefined;
  const body = event.body;
  if (
    !styled &&
    !weighted &&
    body.weight === undefined &&
    body.contests.every((c) => c.ballots === undefined && c.weight === undefined)
  )
    return;
  const problems: string[] = [];
  if (body.weight !== (weighted ? counted.weight : undefined))
    problems.push(
      `tally weight ${body.weight ?? '(absent)'}; counted ${weighted ? counted.weight : '(none)'}`
    );
  body.contests.forEach((contest, c) => {
    if (contest.ballots !== (styled ? counted.ballots[c] : undefined))
      problems.push(
        `contest ${c}: ${contest.ballots ?? '(absent)'} ballots; ${styled ? counted.ballots[c] : '(none)'} count`
      );
    if (contest.weight !== (weighted ? counted.weights[c] : undefined))
      problems.push(
        `contest ${c}: weight ${contest.weight ?? '(absent)'}; ${weighted ? counted.weights[c] : '(none)'} counted`
      );
  });
  report.check('V12.4', problems.length === 0, () => problems.join('; '), event.position);
}

/** Collects decryption shares (V8.1 as they arrive), then V8.2–V8.3 and V9 at the result. */
export class DecryptionChecker {
  readonly #group: Group;
  readonly #manifest: Manifest;
  readonly #report: ReportBuilder;
  readonly #submissions = new Map<
    number,
    { readonly body: EventBody<'decryption-share'>; readonly position: number }
  >();
  #online: bigint[] | null = null;

  constructor(group: Group, manifest: Manifest, report: ReportBuilder) {
    this.#group = group;
    this.#manifest = manifest;
    this.#report = report;
  }

  share(
    event: Event<'decryption-share'>,
    trusteeKeys: readonly TrusteePublicKey[] | null,
    qualified: readonly number[]
  ): void {
    const report = this.#report;
    if (
      checkTrusteeSignature(this.#group, this.#manifest, trusteeKeys, event, 'V8.1', report) ===
      null
    )
      return;
    const { trustee, contests } = event.body;
    report.check(
      'V8.1',
      qualified.includes(trustee),
      () => `trustee ${trustee} is not qualified`,
      event.position
    );
    // Spec §8.4 step 1: a second batch, or one not of the tally's shape, is set aside as its
    // trustee's fault; the first complete batch of each trustee takes part.
    const complete =
      contests.length === this.#manifest.contests.length &&
      this.#manifest.contests.every((c, i) => contests[i]?.options.length === c.candidates.length);
    const setAside = (code: string, message: string): void =>
      report.fault({ check: 'V8.1', party: { trustee }, code, position: event.position, message });
    if (this.#submissions.has(trustee))
      setAside('decryption/duplicate-trustee', `trustee ${trustee}'s second batch is set aside`);
    else if (!complete)
      setAside(
        'decryption/wrong-share-count',
        `trustee ${trustee}'s batch does not cover every option and is set aside`
      );
    else if (qualified.includes(trustee))
      this.#submissions.set(trustee, { body: event.body, position: event.position });
  }

  /** V8.2–V8.3: verifies every share and combines k of them. */
  combine(
    tally: Event<'encrypted-tally'>,
    baseHash: Uint8Array,
    verificationKeys: readonly Point[],
    /** The number of counted ballots, or their total weight with weights (spec §13.6). */
    countedBallots: number
  ): void {
    const group = this.#group;
    const report = this.#report;
    report.reach('V8.2');
    report.reach('V8.3');
    let targets: DecryptionTarget[];
    try {
      targets = tally.body.contests.flatMap((contest, c) =>
        contest.options.map((hex, j) => ({
          ciphertext: decodeCiphertext(group, hexToBytes(hex), { allowIdentity: true }),
          bindings: aggregateBindings(c, j),
        }))
      );
    } catch (error) {
      report.fail('V8.3', `undecodable aggregate: ${(error as Error).message}`, tally.position);
      return;
    }
    const submissions = [];
    const positionOf = (trustee: number) => this.#submissions.get(trustee)?.position;
    // Spec §8.4: a batch that does not decode or whose proofs fail is set aside as its trustee's
    // fault; only fewer than k valid batches fail (V8.3).
    const setAside = (trustee: number, code: string, message: string): void => {
      const position = positionOf(trustee);
      report.fault({
        check: 'V8.2',
        party: { trustee },
        code,
        ...(position === undefined ? {} : { position }),
        message: `trustee ${trustee}'s batch is set aside: ${message}`,
      });
    };
    for (const [trustee, { body }] of this.#submissions) {
      try {
        submissions.push({ trustee, shares: decodeDecryptionBody(group, body) });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        setAside(
          trustee,
          typeof code === 'string' ? code : 'decryption/invalid-proof',
          `undecodable share: ${(error as Error).message}`
        );
      }
    }
    const combined = combineDecryptionsUnsafe(group, {
      baseHash,
      threshold: this.#manifest.trustees.threshold,
      verificationKeys,
      targets,
      submissions,
    });
    const faults = combined.ok ? combined.value.faults : combined.error.faults;
    for (const fault of faults) setAside(fault.trustee, fault.code, fault.message);
    report.pass('V8.2', submissions.length - faults.length);
    if (!combined.ok) {
      report.fail('V8.3', combined.error.message);
      return;
    }
    const plaintexts = recoverPlaintextsUnsafe(
      group,
      combined.value.plaintextPoints,
      // Spec §4.3 bounds the discrete log at 2⁴⁰; a total weight beyond cannot be decoded.
      BigInt(Math.min(countedBallots, 2 ** 40))
    );
    if (!report.check('V8.3', plaintexts.ok, () => (plaintexts.ok ? '' : plaintexts.error.message)))
      return;
    if (plaintexts.ok) this.#online = [...plaintexts.value];
  }

  /** V9.1–V9.3 against the decrypted counts and the postal batch totals. */
  result(event: Event<'election-result'>, postalTotals: readonly (readonly number[])[]): void {
    const report = this.#report;
    for (const id of ['V9.1', 'V9.2', 'V9.3'] as const) report.reach(id);
    const contests = event.body.contests;
    const shapeOk =
      contests.length === this.#manifest.contests.length &&
      this.#manifest.contests.every((c, i) => contests[i]?.options.length === c.candidates.length);
    if (
      !report.check(
        'V9.3',
        shapeOk,
        () => 'result does not have one entry per contest and candidate',
        event.position
      )
    )
      return;
    let next = 0;
    contests.forEach((contest, c) =>
      contest.options.forEach((option, j) => {
        const online = this.#online?.[next++];
        report.check(
          'V9.1',
          online !== undefined && BigInt(option.online) === online,
          () =>
            `contest ${c} option ${j}: online ${option.online} is not the decrypted ${online ?? '(undecrypted)'}`,
          event.position
        );
        const postal = postalTotals[c]?.[j] ?? 0;
        report.check(
          'V9.2',
          option.postal === postal,
          () => `contest ${c} option ${j}: postal ${option.postal}, batches add up to ${postal}`,
          event.position
        );
        report.check(
          'V9.3',
          option.total === option.online + option.postal,
          () => `contest ${c} option ${j}: total is not online + postal`,
          event.position
        );
      })
    );
  }
}
