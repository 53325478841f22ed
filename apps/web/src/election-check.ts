/**
 * @module Before the booth encrypts anything it checks what the server says against the public
 * record (spec §9.3): the manifest hashes to the published manifest hash, the election key is
 * the one the trustees' `election-key` event published, and the base hash recomputed from the
 * manifest hash, that key and the `election-open` credential list hash equals the one the board
 * reports — so a server cannot slip the booth a key of its own. The fingerprint shown to the
 * voter is derived from the recomputed base hash, to match the one printed on the pack.
 */
import type { Manifest } from '@scrutineer/record';
import { computeBaseHash, electionFingerprint, manifestHash } from '@scrutineer/record';
import { type ElectionSummary, api } from './api.ts';

export interface CheckedElection {
  readonly summary: ElectionSummary;
  readonly manifest: Manifest;
  readonly manifestHash: string;
  /** Present once the election is open (key published and base hash fixed). */
  readonly keys: {
    readonly electionKey: string;
    readonly baseHash: string;
    readonly fingerprint: string;
  } | null;
}

export class ElectionCheckError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ElectionCheckError';
  }
}

export async function loadCheckedElection(electionId: string): Promise<CheckedElection> {
  const [summary, manifest] = await Promise.all([
    api.summary(electionId),
    api.manifest(electionId),
  ]);
  const hash = manifestHash(manifest);
  if (hash !== summary.manifestHash || manifest.electionId !== electionId)
    throw new ElectionCheckError('manifest-mismatch');
  if (summary.baseHash === null || summary.electionKey === null)
    return { summary, manifest, manifestHash: hash, keys: null };
  // The setup events come early on the board: the key before the credentials, the opening after.
  let keyBody: Record<string, unknown> | undefined;
  let openBody: Record<string, unknown> | undefined;
  for (let from = 0; openBody === undefined && from < summary.size; from += 1000) {
    const page = await api.events(electionId, from, 1000);
    for (const event of page.events) {
      if (event.type === 'election-key') keyBody = event.body;
      if (event.type === 'election-open') openBody = event.body;
    }
    if (page.events.length === 0) break;
  }
  if (keyBody === undefined || openBody === undefined)
    throw new ElectionCheckError('setup-missing');
  const electionKey = keyBody['publicKey'];
  const listHash = openBody['credentialListHash'];
  const count = openBody['credentialCount'];
  if (
    typeof electionKey !== 'string' ||
    typeof listHash !== 'string' ||
    typeof count !== 'number' ||
    electionKey !== summary.electionKey
  )
    throw new ElectionCheckError('key-mismatch');
  const baseHash = computeBaseHash({
    manifestHash: hash,
    electionKey,
    credentialListHash: listHash,
    credentialCount: count,
  });
  if (baseHash !== summary.baseHash || baseHash !== openBody['baseHash'])
    throw new ElectionCheckError('base-hash-mismatch');
  return {
    summary,
    manifest,
    manifestHash: hash,
    keys: { electionKey, baseHash, fingerprint: electionFingerprint(baseHash) },
  };
}
