/**
 * @module The fingerprint printed on the packs (spec §9.3), from an election key the registrar
 * recomputes itself (spec §9.3.1): the board's setup events are fetched, the trustees' ceremony is
 * concluded again with the verifier's `checkElectionSetup`, and a published key that does not
 * follow from it is refused — never a key the officer merely hands over. The base hash is then
 * computed here from the published manifest, that key and the credential list just generated.
 */
import type { Group } from '@scrutineer/crypto';
import {
  type BoardEvent,
  computeBaseHash,
  electionFingerprint,
  manifestHash,
} from '@scrutineer/record';
import { checkElectionSetup } from '@scrutineer/verifier';
import type { ElectionDraft } from './election-input.ts';

/** Where the setup events come from: the board's HTTP API (`ServerClient`) or a record's events. */
export interface SetupEventSource {
  setupEvents(electionId: string): Promise<readonly BoardEvent[]>;
}

export interface FingerprintSource {
  readonly board: SetupEventSource;
  /** The key the officer states, if given: it must be the recomputed one. */
  readonly electionKey?: string;
}

/** The recomputed facts the fingerprint is made from. */
export interface CeremonyKey {
  readonly manifestHash: string;
  readonly electionKey: string;
}

/** Spec §9.3.1: the manifest hash and the election key, recomputed from the board's setup events. */
export async function ceremonyKeyFromBoard(
  group: Group,
  election: ElectionDraft,
  source: FingerprintSource
): Promise<CeremonyKey> {
  const checked = checkElectionSetup(group, [
    ...(await source.board.setupEvents(election.electionId)),
  ]);
  if (!checked.ok) throw new Error(`${checked.error.code}: ${checked.error.message}`);
  const setup = checked.value;
  if (setup.manifest.electionId !== election.electionId)
    throw new Error(
      `the board's election is ${setup.manifest.electionId}, not ${election.electionId}`
    );
  if (election.manifest !== null && manifestHash(election.manifest) !== setup.manifestHash)
    throw new Error('the manifest given is not the one the board published as election-setup');
  if (setup.electionKey === null)
    throw new Error('the election key is not on the board yet: print the packs after the ceremony');
  if (source.electionKey !== undefined && source.electionKey !== setup.electionKey.publicKey)
    throw new Error(
      `the election key given is not the one recomputed from the trustees' ceremony (${setup.electionKey.publicKey})`
    );
  return { manifestHash: setup.manifestHash, electionKey: setup.electionKey.publicKey };
}

/** Spec §9.3: the fingerprint of the base hash of this key and credential list; null without a key. */
export function packFingerprint(
  key: CeremonyKey | null,
  credentials: { readonly credentialListHash: string; readonly count: number }
): string | null {
  if (key === null) return null;
  return electionFingerprint(
    computeBaseHash({
      manifestHash: key.manifestHash,
      electionKey: key.electionKey,
      credentialListHash: credentials.credentialListHash,
      credentialCount: credentials.count,
    })
  );
}
