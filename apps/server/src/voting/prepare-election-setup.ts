/**
 * @module An election's encryption and verification setup from the plain data that crosses to a
 * worker thread or is read from the board head: the manifest, the election key K (spec §7) and
 * the base hash h (spec §9.3) as hex. K is prepared as a fixed base once, here, since every
 * ballot multiplies it.
 */
import { type Group, hexToBytes } from '@scrutineer/crypto';
import type { EncryptionSetup } from '@scrutineer/protocol';
import type { Manifest } from '@scrutineer/record';

/** An election's setup as plain data. */
export interface ElectionSetupData {
  readonly manifest: Manifest;
  readonly electionKeyHex: string;
  readonly baseHashHex: string;
}

/** The setup ballots are encrypted under (protocol) and checked against (verifier `BallotContext`). */
export function prepareElectionSetup(group: Group, data: ElectionSetupData): EncryptionSetup {
  return {
    group,
    manifest: data.manifest,
    electionKey: group.prepareFixedBase(group.decodePoint(hexToBytes(data.electionKeyHex))),
    baseHash: hexToBytes(data.baseHashHex),
  };
}
