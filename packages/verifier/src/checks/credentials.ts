/**
 * @module V4.1–V4.5: the credential list (spec §6, §9.3): valid distinct keys, as many as the roll
 * commitment's members, the list hash and base hash recomputed, replacements approved by the
 * registrar and within the manifest's limits; and the postal return commitments that come with
 * them (V6.5, spec §9.5.3): present, aligned with the keys, exactly when the manifest offers the
 * postal channel; and the ballot styles and weights published with the keys (V12.1–V12.2,
 * spec §13.1–§13.4).
 */
import { type Group, hexToBytes } from '@scrutineer/crypto';
import {
  type BoardEvent,
  type Manifest,
  CredentialListHasher,
  REPLACEMENT_REFUSALS,
  computeBaseHash,
  credentialTerms,
  manifestHash,
  smallCategories,
  replacementRefusal,
  verifyReplacementApproval,
} from '@scrutineer/record';
import type { ReportBuilder } from '../report.ts';
import type { BallotLedger } from './ballot-ledger.ts';

type Event<T extends BoardEvent['type']> = Extract<BoardEvent, { type: T }>;

export class CredentialChecker {
  readonly #group: Group;
  readonly #manifest: Manifest;
  readonly #report: ReportBuilder;
  readonly #hasher = new CredentialListHasher();
  /**
   * The list hash, taken once at the first `election-open`: a digest ends the hash, so a second
   * open or a late `credentials` event (both V2.5 faults) must not touch the hasher again.
   */
  #listHash: string | null = null;
  /** Spec §13.3: credentials listed per ballot-style category (V12.2). */
  readonly #categoryCounts = new Map<string, number>();
  #categoriesChecked = false;

  constructor(group: Group, manifest: Manifest, report: ReportBuilder) {
    this.#group = group;
    this.#manifest = manifest;
    this.#report = report;
  }

  #validKey(keyHex: string, position: number): boolean {
    try {
      this.#group.decodePoint(hexToBytes(keyHex));
      this.#report.pass('V4.1');
      return true;
    } catch (error) {
      this.#report.fail(
        'V4.1',
        `credential ${keyHex.slice(0, 16)}…: ${(error as Error).message}`,
        position
      );
      return false;
    }
  }

  listed(event: Event<'credentials'>, ledger: BallotLedger): void {
    const { keys, returns } = event.body;
    const postal = this.#manifest.channels.postal;
    this.#report.check(
      'V6.5',
      postal ? returns?.length === keys.length : returns === undefined,
      () =>
        postal
          ? `credentials carry ${returns?.length ?? 0} return commitments for ${keys.length} keys`
          : 'return commitments published although the manifest offers no postal channel',
      event.position
    );
    // Spec §13.1, §13.4 (V12.1): styles and weights aligned with the keys iff the manifest has them.
    const styled = this.#manifest.styles !== undefined || this.#manifest.weights !== undefined;
    const bound = credentialTerms(this.#manifest, event.body);
    if (styled || event.body.styles !== undefined || event.body.weights !== undefined)
      this.#report.check(
        'V12.1',
        bound.error === null,
        () => `${bound.error?.code}: ${bound.error?.message}`,
        event.position
      );
    const terms = bound.terms;
    for (const [i, keyHex] of keys.entries()) {
      this.#validKey(keyHex, event.position);
      const style = terms[i]?.style;
      if (style !== undefined)
        this.#categoryCounts.set(style, (this.#categoryCounts.get(style) ?? 0) + 1);
      this.#report.check(
        'V4.2',
        ledger.addListedCredential(
          keyHex,
          postal ? returns?.[i] : undefined,
          styled ? (terms[i] ?? { weight: 1 }) : undefined
        ),
        () => `credential ${keyHex.slice(0, 16)}… listed twice`,
        event.position
      );
      if (this.#listHash === null) this.#hasher.add(keyHex);
    }
  }

  opened(event: Event<'election-open'>, electionKeyHex: string): void {
    const { credentialCount, credentialListHash, baseHash } = event.body;
    const listHash = (this.#listHash ??= this.#hasher.digestHex());
    const report = this.#report;
    if (this.#manifest.styles !== undefined && !this.#categoriesChecked) {
      // Spec §13.3 (V12.2): checked once, at the first open, over the credentials listed before it.
      this.#categoriesChecked = true;
      const small = smallCategories(this.#manifest, this.#categoryCounts);
      report.check(
        'V12.2',
        small.length === 0,
        () =>
          `categories below ${this.#manifest.styles?.minCategorySize}: ${small.map((c) => `${c.id} (${c.count})`).join(', ')}`,
        event.position
      );
    }
    report.check(
      'V4.3',
      credentialCount === this.#hasher.count,
      () => `open states ${credentialCount} credentials; ${this.#hasher.count} were published`,
      event.position
    );
    report.check(
      'V4.3',
      credentialCount === this.#manifest.roll.count,
      () => `${credentialCount} credentials for a roll of ${this.#manifest.roll.count} members`,
      event.position
    );
    report.check(
      'V4.3',
      credentialListHash === listHash,
      () => 'credential list hash differs from the published list',
      event.position
    );
    const expected = computeBaseHash({
      manifestHash: manifestHash(this.#manifest),
      electionKey: electionKeyHex,
      credentialListHash: listHash,
      credentialCount: this.#hasher.count,
    });
    report.check(
      'V4.4',
      baseHash === expected,
      () => 'base hash is not the hash of manifest, key and credential list',
      event.position
    );
  }

  /**
   * V4.5 (spec §9.2.7, §9.5): the manifest allows one more replacement at this board time, and the
   * registrar approved it (signature under `replacements.approverKey` with the base hash), then the
   * ledger's bookkeeping (an active, unused credential revoked, a new key listed).
   */
  replaced(
    event: Event<'credential-replaced'>,
    ledger: BallotLedger,
    baseHashHex: string | null
  ): void {
    this.#validKey(event.body.replacement, event.position);
    const postal = this.#manifest.channels.postal;
    this.#report.check(
      'V6.5',
      postal === (event.body.return !== undefined),
      () =>
        postal
          ? 'replacement without a return commitment'
          : 'return commitment published although the manifest offers no postal channel',
      event.position
    );
    const refusal = replacementRefusal(this.#manifest, ledger.replacements, event.time);
    this.#report.check(
      'V4.5',
      refusal === null,
      () =>
        `replacement ${ledger.replacements + 1}: ${REPLACEMENT_REFUSALS[refusal ?? 'not-allowed']}`,
      event.position
    );
    const approverKey = this.#manifest.replacements?.approverKey;
    if (approverKey !== undefined)
      this.#report.check(
        'V4.5',
        baseHashHex !== null &&
          verifyReplacementApproval(this.#group, baseHashHex, approverKey, event.body),
        () => "the approval is not the registrar's signature (replacements.approverKey)",
        event.position
      );
    ledger.replaced(event);
  }
}
