/**
 * @module V3.1–V3.6: the trustees' key ceremony, recomputed from its board messages (spec §7).
 * Messages are collected while the log streams; at `election-key` the public conclusion is
 * recomputed with the crypto core and compared with what the officer published. A dealer the
 * protocol disqualifies is an attributed fault, not a failure (verification.md).
 */
import {
  type Group,
  type Point,
  type TrusteePublicKey,
  bytesToHex,
  concludeCeremony,
  hexToBytes,
  utf8,
  verifyTrusteeKey,
} from '@scrutineer/crypto';
import {
  type BoardEvent,
  type EventBody,
  type Manifest,
  ceremonyParameters,
  checkCommitmentsBody,
  checkComplaintBody,
  checkSharesBody,
  decodeCommitmentsBody,
  decodeComplaintBody,
  decodeSharesBody,
  manifestHash,
  trusteeKeysOf,
  trusteeMessage,
  verifyStatement,
} from '@scrutineer/record';
import type { CheckId } from '../check-catalogue.ts';
import type { AttributedFault, ReportBuilder } from '../report.ts';
import { type Posted, reportCeremonyFaults, selectDealerMessages } from './ceremony-faults.ts';

type TrusteeEvent = Extract<
  BoardEvent,
  { type: 'trustee-commitments' | 'trustee-shares' | 'trustee-complaint' | 'decryption-share' }
>;

/** Checks a trustee-signed event's author and signature (spec §9.5); returns the trustee's key or null. */
export function checkTrusteeSignature(
  group: Group,
  manifest: Manifest,
  trusteeKeys: readonly TrusteePublicKey[] | null,
  event: TrusteeEvent,
  check: CheckId,
  report: ReportBuilder
): Point | null {
  const key = trusteeKeys?.find((k) => k.trustee === event.body.trustee);
  if (key === undefined) {
    report.fail(check, `trustee ${event.body.trustee} is not a listed trustee`, event.position);
    return null;
  }
  const message = trusteeMessage(event.type, event.body);
  const ok = verifyStatement(
    group,
    manifestHash(manifest),
    key.publicKey,
    message,
    event.body.signature
  );
  return report.check(
    check,
    ok,
    () => `bad signature by trustee ${event.body.trustee}`,
    event.position
  )
    ? key.publicKey
    : null;
}

/**
 * Spec §7.6 as a verifier runs it. A listed trustee's signed message that §7.6 already answers (a
 * dealer's bad, missing or repeated message, a justified or unjustified complaint) is an attributed
 * fault: the dealer leaves Q, the record stays valid if the published Q, K and Vₗ are the
 * conclusion's. Failures are what no protocol step absorbs: an unlisted or unsigned message, a
 * complaint that proves nothing (§7.5), a published conclusion that is not §7.6's.
 */
export class CeremonyChecker {
  readonly #group: Group;
  readonly #manifest: Manifest;
  readonly #report: ReportBuilder;
  readonly trusteeKeys: TrusteePublicKey[] | null;
  readonly #commitments: Posted<'trustee-commitments'>[] = [];
  readonly #shares: Posted<'trustee-shares'>[] = [];
  readonly #complaints: Posted<'trustee-complaint'>[] = [];

  constructor(group: Group, manifest: Manifest, report: ReportBuilder) {
    this.#group = group;
    this.#manifest = manifest;
    this.#report = report;
    let keys: TrusteePublicKey[] | null = null;
    try {
      keys = trusteeKeysOf(group, manifest);
    } catch (error) {
      report.fail(
        'V3.1',
        `a trustee key in the manifest is not a valid point: ${(error as Error).message}`,
        0
      );
    }
    // Spec §7.2: each listed ceremony key comes with a proof of possession bound to the election id.
    for (const key of keys ?? []) {
      const ok = verifyTrusteeKey(group, utf8(manifest.electionId), key);
      report.check(
        'V3.1',
        ok,
        () => `trustee ${key.trustee}'s proof of possession of its key fails`,
        0
      );
    }
    this.trusteeKeys = keys;
  }

  #signed(event: TrusteeEvent, check: CheckId): boolean {
    const key = checkTrusteeSignature(
      this.#group,
      this.#manifest,
      this.trusteeKeys,
      event,
      check,
      this.#report
    );
    return key !== null;
  }

  commitments(event: Extract<BoardEvent, { type: 'trustee-commitments' }>): void {
    if (this.#signed(event, 'V3.1'))
      this.#commitments.push({ position: event.position, body: event.body });
  }

  shares(event: Extract<BoardEvent, { type: 'trustee-shares' }>): void {
    if (this.#signed(event, 'V3.2'))
      this.#shares.push({ position: event.position, body: event.body });
  }

  /** V3.3: a complaint must name a published share and prove its shared point (spec §7.5). */
  complaint(event: Extract<BoardEvent, { type: 'trustee-complaint' }>): void {
    if (!this.#signed(event, 'V3.3') || this.trusteeKeys === null) return;
    const { trustee, dealer } = event.body;
    if (this.#complaints.some((c) => c.body.trustee === trustee && c.body.dealer === dealer)) {
      this.#report.fault({
        check: 'V3.3',
        party: { trustee },
        code: 'ceremony/duplicate-message',
        position: event.position,
        message: `a second complaint of trustee ${trustee} against dealer ${dealer} (ignored)`,
      });
      return;
    }
    const dealerShares = this.#shares.find((s) => s.body.trustee === dealer)?.body;
    const problem = checkComplaintBody(
      this.#group,
      this.#manifest,
      this.trusteeKeys,
      event.body,
      dealerShares
    );
    if (problem !== null) {
      this.#report.fail(
        'V3.3',
        `complaint of trustee ${trustee} against dealer ${dealer}: ${problem.code}: ${problem.message}`,
        event.position
      );
      return;
    }
    this.#complaints.push({ position: event.position, body: event.body });
  }

  /** V3.1–V3.3 faults, then V3.4–V3.6 against the published key. */
  conclude(event: Extract<BoardEvent, { type: 'election-key' }>): void {
    const report = this.#report;
    const group = this.#group;
    const manifest = this.#manifest;
    for (const id of ['V3.1', 'V3.2', 'V3.3', 'V3.4', 'V3.5', 'V3.6'] as const) report.reach(id);
    if (this.trusteeKeys === null) return;
    const excluded = new Map<number, AttributedFault>();
    const commitments = selectDealerMessages(
      this.#commitments,
      'V3.1',
      (b) => checkCommitmentsBody(group, manifest, b),
      excluded
    );
    // Missing commitments come before anything about shares (spec §7.6 step 1, then step 2).
    for (let dealer = 1; dealer <= manifest.trustees.members.length; dealer++)
      if (!commitments.has(dealer) && !excluded.has(dealer))
        excluded.set(dealer, {
          check: 'V3.1',
          party: { trustee: dealer },
          code: 'ceremony/missing-commitments',
          message: 'no commitments message',
        });
    const shares = selectDealerMessages(
      this.#shares,
      'V3.2',
      (b) => checkSharesBody(group, manifest, b),
      excluded
    );
    // A disqualified dealer's messages stay out of the transcript: §7.6 then finds it without
    // commitments, and a complaint against it is moot.
    const kept = <T>(messages: Map<number, T>): T[] =>
      [...messages].filter(([dealer]) => !excluded.has(dealer)).map(([, body]) => body);
    const transcript = {
      trusteeKeys: this.trusteeKeys,
      commitments: kept(commitments).map((b) => decodeCommitmentsBody(group, b)),
      encryptedShares: kept(shares).flatMap((b) => decodeSharesBody(group, b)),
      complaints: this.#complaints.map((c) => decodeComplaintBody(group, c.body)),
    };
    const outcome = concludeCeremony(group, ceremonyParameters(manifest), transcript);
    if (!outcome.ok) {
      const error = outcome.error;
      // Fewer than k qualified: the dealers' faults are still named, and the ceremony failed.
      if (error.code === 'ceremony/too-few-qualified')
        reportCeremonyFaults(
          report,
          error.disqualified,
          error.rejectedComplaints,
          excluded,
          this.#complaints
        );
      report.fail('V3.4', `the ceremony cannot conclude: ${error.message}`, event.position);
      return;
    }
    reportCeremonyFaults(
      report,
      outcome.value.disqualified,
      outcome.value.rejectedComplaints,
      excluded,
      this.#complaints
    );
    const result = outcome.value;
    const published = event.body;
    report.check(
      'V3.4',
      published.qualified.join() === result.qualified.join(),
      () => `qualified ${published.qualified.join()} but recomputed ${result.qualified.join()}`,
      event.position
    );
    report.check(
      'V3.5',
      published.publicKey === bytesToHex(group.encodePoint(result.electionKey)),
      () => 'election key is not the sum of the qualified constant terms',
      event.position
    );
    const recomputed = result.verificationKeys.map((v) => bytesToHex(group.encodePoint(v)));
    report.check(
      'V3.6',
      published.verificationKeys.join() === recomputed.join(),
      () => 'verification keys differ from the recomputed ones',
      event.position
    );
  }
}

/** Decodes the published verification keys (V8 uses them); null if any is malformed. */
export function decodeVerificationKeys(
  group: Group,
  body: EventBody<'election-key'>
): Point[] | null {
  try {
    return body.verificationKeys.map((v) => group.decodePoint(hexToBytes(v)));
  } catch {
    return null;
  }
}
