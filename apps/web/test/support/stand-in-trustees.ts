/**
 * @module STAND-IN for the trustees' browser pages in the whole-election test: five trustees
 * run the protocol package's trustee code in-process (as `scrutineer trustee` does) and post their
 * signed messages over the same HTTP endpoint (`trusteeMessage`) their pages use. Used until the
 * trustees' Playwright driver (trustee-driver.ts) can take their place; nothing here is the
 * officer's: the console does every officer step.
 */
import type { Group, TrusteeKeyPair } from '@scrutineer/crypto';
import { apiClient } from '@scrutineer/api-contract';
import {
  completeCeremony,
  createCeremonyKey,
  dealCeremonyShares,
  decryptTally,
} from '@scrutineer/protocol';
import type { EventBody, Manifest } from '@scrutineer/record';

export class StandInTrustees {
  readonly keys: readonly TrusteeKeyPair[];
  #shares: ReadonlyMap<number, bigint> | null = null;
  readonly #group: Group;
  readonly #client: ReturnType<typeof apiClient>;
  readonly #electionId: string;

  constructor(group: Group, baseUrl: string, electionId: string, count: number) {
    this.#group = group;
    this.#electionId = electionId;
    this.#client = apiClient({ baseUrl });
    this.keys = Array.from({ length: count }, (_, i) =>
      createCeremonyKey(group, electionId, i + 1)
    );
  }

  #post(type: 'trustee-commitments' | 'trustee-shares' | 'decryption-share', body: object) {
    return this.#client.call('trusteeMessage', {
      params: { electionId: this.#electionId },
      body: { type, body: body as Record<string, unknown> },
    });
  }

  /** Each trustee commits, then deals its encrypted shares (spec §7.3–§7.4). */
  async deal(manifest: Manifest): Promise<void> {
    const dealings = this.keys.map((key) => dealCeremonyShares(this.#group, manifest, key));
    for (const d of dealings) await this.#post('trustee-commitments', d.commitments);
    for (const d of dealings) await this.#post('trustee-shares', d.shares);
    this.#shares = completeCeremony(this.#group, manifest, this.keys, dealings).trusteeShares;
  }

  /** The trustees at `present` post their decryption shares of the sealed tally (spec §8.2). */
  async decrypt(
    manifest: Manifest,
    present: readonly number[],
    baseHash: Uint8Array,
    tally: EventBody<'encrypted-tally'>,
    checkpoint: { size: number; root: string }
  ): Promise<void> {
    for (const index of present) {
      const key = this.keys[index - 1];
      const secret = this.#shares?.get(index);
      if (key === undefined || secret === undefined) throw new Error(`no trustee ${index}`);
      const share = decryptTally(this.#group, manifest, baseHash, key, secret, tally, checkpoint);
      await this.#post('decryption-share', share);
    }
  }
}
