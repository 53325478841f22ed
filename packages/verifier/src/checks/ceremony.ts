/**
 * @module V3.1–V3.6: the trustees' key ceremony, recomputed from its board messages (spec §7).
 * Messages are collected while the log streams; at `election-key` the public conclusion is
 * recomputed with the crypto core and compared with what the officer published.
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
  decodeCommitmentsBody,
  decodeComplaintBody,
  decodeSharesBody,
  manifestHash,
  trusteeKeysOf,
  trusteeMessage,
  verifyStatement,
} from '@scrutineer/record';
import type { CheckId } from '../check-catalogue.ts';
import type { ReportBuilder } from '../report.ts';

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

export class CeremonyChecker {
  readonly #group: Group;
  readonly #manifest: Manifest;
  readonly #report: ReportBuilder;
  readonly trusteeKeys: TrusteePublicKey[] | null;
  readonly #commitments = new Map<number, EventBody<'trustee-commitments'>>();
  readonly #shares = new Map<number, EventBody<'trustee-shares'>>();
  readonly #complaints: EventBody<'trustee-complaint'>[] = [];

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

  /** One message of a kind per trustee: a second one fails `check`. */
  #first(seen: ReadonlyMap<number, unknown>, event: TrusteeEvent, check: CheckId): boolean {
    const { trustee } = event.body;
    return this.#report.check(
      check,
      !seen.has(trustee),
      () => `second ${event.type} from trustee ${trustee}`,
      event.position
    );
  }

  commitments(event: Extract<BoardEvent, { type: 'trustee-commitments' }>): void {
    if (this.#signed(event, 'V3.1') && this.#first(this.#commitments, event, 'V3.1')) {
      this.#commitments.set(event.body.trustee, event.body);
    }
  }

  shares(event: Extract<BoardEvent, { type: 'trustee-shares' }>): void {
    if (!this.#signed(event, 'V3.2')) return;
    const { trustee, shares } = event.body;
    const n = this.#manifest.trustees.members.length;
    const recipients = shares.map((s) => s.recipient).sort((a, b) => a - b);
    const expected = Array.from({ length: n }, (_, i) => i + 1).filter((i) => i !== trustee);
    const complete = recipients.join() === expected.join();
    const message = () => `trustee ${trustee} must send exactly one share to each other trustee`;
    this.#report.check('V3.2', complete, message, event.position);
    if (this.#first(this.#shares, event, 'V3.2') && complete) this.#shares.set(trustee, event.body);
  }

  complaint(event: Extract<BoardEvent, { type: 'trustee-complaint' }>): void {
    if (!this.#signed(event, 'V3.3')) return;
    const dealerShares = this.#shares.get(event.body.dealer);
    const names = dealerShares?.shares.some((s) => s.recipient === event.body.trustee) === true;
    if (
      this.#report.check('V3.3', names, () => 'complaint names no published share', event.position)
    )
      this.#complaints.push(event.body);
  }

  /** V3.1 (commitment proofs), V3.3 (complaint decoding), V3.4–V3.6 against the published key. */
  conclude(event: Extract<BoardEvent, { type: 'election-key' }>): void {
    const report = this.#report;
    const group = this.#group;
    for (const id of ['V3.1', 'V3.2', 'V3.3', 'V3.4', 'V3.5', 'V3.6'] as const) report.reach(id);
    if (this.trusteeKeys === null) return;
    let transcript;
    try {
      transcript = {
        trusteeKeys: this.trusteeKeys,
        commitments: [...this.#commitments.values()].map((b) => decodeCommitmentsBody(group, b)),
        encryptedShares: [...this.#shares.values()].flatMap((b) => decodeSharesBody(group, b)),
        complaints: this.#complaints.map((b) => decodeComplaintBody(group, b)),
      };
    } catch (error) {
      report.fail(
        'V3.1',
        `undecodable ceremony message: ${(error as Error).message}`,
        event.position
      );
      return;
    }
    const outcome = concludeCeremony(group, ceremonyParameters(this.#manifest), transcript);
    if (!outcome.ok) {
      report.fail('V3.4', `the ceremony cannot conclude: ${outcome.error.message}`, event.position);
      return;
    }
    const result = outcome.value;
    for (const d of result.disqualified) {
      if (d.code === 'ceremony/invalid-commitments')
        report.fail('V3.1', `trustee ${d.dealer}: ${d.message}`);
    }
    // V3.3 asks for a valid proof in every complaint: an unproven one changes nothing in the
    // conclusion (spec §7.5) but is still a bad message on the record, as an invalid M2 is for V3.1.
    for (const r of result.rejectedComplaints) {
      if (r.code === 'ceremony/complaint-proof-invalid')
        report.fail(
          'V3.3',
          `complaint of trustee ${r.complainer} against ${r.dealer}: ${r.message}`
        );
    }
    const published = event.body;
    report.check(
      'V3.4',
      published.qualified.join() === result.qualified.join(),
      () => `qualified ${published.qualified.join()} but recomputed ${result.qualified.join()}`,
      event.position
    );
    report.check(
      'V3.4',
      result.qualified.length >= this.#manifest.trustees.threshold,
      () => 'fewer qualified trustees than the threshold',
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
